"""Demo data: a believable Join Us group, for showing the app and for benchmarks.

``fill_demo(store)`` adds youngsters at every stage of the programme, meetings
every two weeks with attendance, observations in Dutch, social challenges with
their attempts, and questionnaires at the moments the schedule asks for
(T0 at intake, then after every six meetings attended, and at exit), with
trajectories that mostly improve, each youngster at their own pace and with noise.

* ``size="small"``: one group of twelve youngsters and about twenty meetings over
  the last ten months: what a social worker would see after most of a year.
* ``size="large"``: 1,000 youngsters and exactly 20,000 observations in one team,
  to stress the team views. The team is made of many groups (cohorts) of at most
  15 youngsters, each with its own series of meetings, so every meeting, attendance
  list, observation rate and questionnaire looks like real data; only the team is
  larger than any real one.

Everything goes through the store's tracked writes, so the outbox fills and the
data would sync like typed-in data. The content depends only on ``seed`` and
``today`` (record ids and version stamps differ between runs). All dates lie on or
before ``today``. Places are plausible community centres in Utrecht, not a claim
about real venues.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .domain import schedule
from .domain.instruments import Instrument
from .store.errors import NotFound
from .store.meetings import attendance_id
from .store.store import Store

DEFAULT_TEAM = {"name": "Join Us Utrecht-Overvecht", "municipality": "Utrecht",
                "age_group": "12-18"}
LARGE_YOUNGSTERS = 1_000
LARGE_OBSERVATIONS = 20_000
SMALL_YOUNGSTERS = 12
MEETINGS_PER_GROUP = 20
MAX_GROUP_SIZE = 15


@dataclass(frozen=True)
class DemoSummary:
    """What `fill_demo` added (``teams`` is 1 when it had to create the team)."""

    teams: int
    youngsters: int
    meetings: int
    attendance: int
    observations: int
    challenges: int
    attempts: int
    responses: int
    team_id: str


# --- vocabulary -------------------------------------------------------------------

MALE_NAMES = ("Sam", "Daan", "Milan", "Bram", "Jesse", "Thijs", "Mohammed", "Finn", "Luuk",
              "Sem", "Noah", "Levi", "Stijn", "Ayoub", "Ravi", "Jayden", "Omar", "Mees",
              "Tim", "Youssef", "Ruben", "Lars", "Kerem", "Joep")
FEMALE_NAMES = ("Noor", "Lotte", "Sanne", "Fleur", "Lieke", "Yara", "Aylin", "Eva", "Emma",
                "Julia", "Sara", "Fenna", "Iris", "Nina", "Maud", "Amira", "Lina", "Femke",
                "Esmee", "Zoë", "Ilse", "Hajar", "Isa", "Roos")

HOME_PLACES = (
    "Buurtcentrum De Dreef, Overvecht",
    "Buurthuis De Boog, Overvecht",
    "Wijkcentrum Zuilen",
    "Buurtcentrum Kanaleneiland",
    "Wijkcentrum Hoograven",
    "Buurthuis Oog in Al",
    "Wijkcentrum Lunetten",
    "Buurtcentrum Ondiep",
    "Jongerencentrum Leidsche Rijn",
    "Buurthuis Tuinwijk",
    "Wijkcentrum Vleuten-De Meern",
    "Buurtcentrum Transwijk",
)


@dataclass(frozen=True)
class _Activity:
    name: str
    phrase: str  # "tijdens {phrase}"
    place: str | None  # an outing's venue; None: the group's own community centre
    notes: tuple[str, ...]


KICK_OFF = _Activity(
    "Kennismaken en groepsafspraken maken", "het kennismaken", None,
    ("Eerste bijeenkomst. Afspraken gemaakt: we lachen niet óm elkaar, telefoons in de mand "
     "tijdens de activiteit, wat hier gezegd wordt blijft hier.",),
)
ACTIVITIES = (
    _Activity("Samen koken", "het koken", None,
              ("We kookten pasta met z'n allen; iedereen had een eigen taak.",
               "Nasi gemaakt en samen gegeten aan één lange tafel.")),
    _Activity("Bowlen", "het bowlen", "Bowlingcentrum Utrecht",
              ("Twee banen, gemengde teams. De scores deden er al snel niet meer toe.",
               "Bowlen in twee teams; er werd fanatiek gejuicht.")),
    _Activity("Escaperoom", "de escaperoom", "Escaperoom Utrecht-centrum",
              ("In twee groepjes de escaperoom gedaan; één groep ontsnapte op tijd.",
               "De escaperoom vroeg om samenwerken: goed om te zien wie het voortouw nam.")),
    _Activity("Spelletjesavond", "de spelletjes", None,
              ("Weerwolven en Codenames gespeeld. Weerwolven werkte goed om iedereen aan het "
               "woord te laten.",
               "Bordspellen in kleine groepjes, daarna met de hele groep Pictionary.")),
    _Activity("Pannenkoeken bakken", "het bakken", None,
              ("Pannenkoeken gebakken en de buurvrouw van het buurthuis uitgenodigd.",)),
    _Activity("Lasergamen", "het lasergamen", "Lasergamecentrum Utrecht",
              ("Lasergamen: veel energie. Na afloop samen wat gedronken.",)),
    _Activity("Pubquiz maken en spelen", "de quiz", None,
              ("Iedereen maakte een quizronde over een eigen onderwerp en presenteerde die.",)),
    _Activity("Karaoke", "de karaoke", None,
              ("Karaoke; niemand hoefde alleen te zingen, duetten mochten.",)),
    _Activity("Sporten in de gymzaal", "het sporten", None,
              ("Trefbal en tikspellen in de gymzaal, daarna stretchen en kletsen.",)),
    _Activity("Filmavond", "de film", None,
              ("Samen een film gekozen (stemmen!) en popcorn gemaakt.",)),
    _Activity("Fotowandeling door de wijk", "de fotowandeling", None,
              ("In tweetallen door de wijk, foto's gemaakt bij vijf opdrachten.",)),
    _Activity("Boulderen", "het boulderen", "Boulderhal Utrecht",
              ("Boulderen: elkaar aanmoedigen en tips geven ging vanzelf.",)),
    _Activity("T-shirts ontwerpen", "het ontwerpen", None,
              ("T-shirts bedrukt met een eigen ontwerp; veel complimenten over en weer.",)),
    _Activity("Midgetgolf", "het midgetgolfen", "Midgetgolfbaan Utrecht",
              ("Midgetgolf in groepjes van vier; daarna een ijsje.",)),
)
SIDE_ACTIVITIES = ("check-in rondje", "energizer", "afsluitende kring", "weekendvraag",
                   "complimentenronde")
MOODS = (
    "Goede sfeer vandaag.",
    "Rustige bijeenkomst; de groep had wat tijd nodig om op gang te komen.",
    "Veel energie in de groep, soms wat druk.",
    "Gezellige bijeenkomst, er werd veel gelachen.",
    "Wat stroef begin, na de pauze ging het een stuk beter.",
    "Kleine groep vandaag, daardoor juist veel echte gesprekken.",
)
CONTEXTS = (
    "Tijdens {act}.",
    "Tijdens {act}, in een groepje van vier.",
    "Bij binnenkomst, voordat het programma begon.",
    "In de pauze, bij het drinken.",
    "In de afsluitende kring.",
    "Bij het opruimen na afloop.",
)


@dataclass(frozen=True)
class _Challenge:
    title: str
    done: str  # past participle: "{naam} heeft {done}"


@dataclass(frozen=True)
class _Issue:
    """A negative belief or missing skill, how it shows, and challenges that work on it."""

    kind: str  # "negative_belief" or "missing_skill"
    detail: str
    negative: tuple[str, ...]
    positive: tuple[str, ...]
    challenges: tuple[_Challenge, ...]


BELIEFS = (
    _Issue("negative_belief", "Anderen lachen me uit als ik een fout maak", (
        "{naam} ging niet mee in het spel en zat in de hoek op {zijn} telefoon.",
        "Toen {naam} een fout maakte, kreeg {hij} een rood hoofd en stopte {hij} meteen.",
        "{naam} wilde pas meedoen nadat {hij} eerst twee rondes had gekeken hoe het moest.",
    ), (
        "{naam} maakte expres een fout en merkte dat de anderen erom lachten, niet om {hem}.",
        "{naam} deed vanaf de eerste ronde mee, ook toen {hij} het nog niet helemaal snapte.",
    ), (
        _Challenge("Expres een fout maken en kijken wat er gebeurt", "expres een fout gemaakt"),
        _Challenge("Meedoen met een spel", "vanaf het begin meegedaan met het spel"),
    )),
    _Issue("negative_belief", "Ik hoor er toch niet bij", (
        "{naam} zat tijdens het eten aan de rand van de tafel en zei bijna niets.",
        "{naam} ging na afloop meteen weg, terwijl de rest nog bleef kletsen.",
    ), (
        "{naam} bleef na afloop nog een half uur kletsen met {ander}.",
        "{naam} zei in de kring dat {hij} zich 'best thuis begint te voelen' in de groep.",
    ), (
        _Challenge("Na afloop nog tien minuten blijven kletsen", "na afloop nog even gekletst"),
        _Challenge("Iemand uit de groep een berichtje sturen",
                   "iemand uit de groep een berichtje gestuurd"),
    )),
    _Issue("negative_belief", "Als ik iets zeg, vinden ze het stom", (
        "{naam} had een goed idee maar fluisterde het alleen tegen een begeleider.",
        "In de kring zei {naam} 'weet ik niet' toen {hij} aan de beurt was.",
    ), (
        "{naam} stelde zelf een activiteit voor de volgende keer voor en de groep koos het.",
        "{naam} vertelde in de kring wat {hij} van de bijeenkomst vond, zonder dat iemand "
        "het vroeg.",
    ), (
        _Challenge("In de kring vertellen wat ik vind", "in de kring verteld wat {hij} vond"),
        _Challenge("Een activiteit voorstellen", "een activiteit voorgesteld"),
    )),
    _Issue("negative_belief", "Niemand vindt mij interessant", (
        "{naam} luisterde wel naar de gesprekken maar vertelde niets over zichzelf.",
        "{naam} zei tegen een begeleider dat {hij} 'toch niks te vertellen heeft'.",
    ), (
        "{naam} vertelde enthousiast over {zijn} hobby en {ander} stelde veel vragen.",
    ), (
        _Challenge("Iets over mezelf vertellen", "iets over {zichzelf} verteld aan de groep"),
        _Challenge("Iemand uitnodigen om iets samen te doen",
                   "iemand uitgenodigd om iets samen te doen"),
    )),
    _Issue("negative_belief", "Als ik laat zien wie ik ben, haken anderen af", (
        "{naam} lachte mee met iedereen, maar zei later dat {hij} het spel eigenlijk stom vond.",
        "{naam} paste zich de hele avond aan {ander} aan en zei niet wat {hij} zelf wilde.",
    ), (
        "{naam} zei eerlijk dat {hij} geen zin had in karaoke en deed iets anders; niemand "
        "vond dat raar.",
    ), (
        _Challenge("Zeggen wat ik zelf leuk vind", "gezegd wat {hij} zelf leuk vond"),
    )),
)

SKILLS = (
    _Issue("missing_skill", "Een gesprek beginnen met iemand die je nog niet goed kent", (
        "{naam} stond bij binnenkomst een tijd bij de deur en wachtte tot iemand {hem} aansprak.",
        "{naam} zat naast {ander} maar zei de hele activiteit niets.",
    ), (
        "{naam} begon uit {zichzelf} een gesprek met {ander} over muziek.",
        "{naam} stapte bij binnenkomst zelf op {ander} af om gedag te zeggen.",
    ), (
        _Challenge("Zelf iemand aanspreken", "zelf iemand aangesproken"),
        _Challenge("Bij binnenkomst iedereen groeten", "bij binnenkomst iedereen gegroet"),
    )),
    _Issue("missing_skill", "Een gesprek gaande houden", (
        "{naam} gaf alleen korte antwoorden als anderen iets vroegen en keek weg.",
        "Het gesprek tussen {naam} en {ander} viel steeds stil; {naam} vroeg zelf niets terug.",
    ), (
        "{naam} stelde {ander} een vraag terug en het gesprek ging vanzelf verder.",
    ), (
        _Challenge("Een vraag terugstellen in een gesprek", "een vraag teruggesteld"),
    )),
    _Issue("missing_skill", "Aansluiten bij een groep die al bezig is", (
        "{naam} kwam wat later en bleef aan de kant staan kijken toen de anderen al bezig waren.",
        "{naam} wachtte tot een begeleider {hem} bij een groepje zette.",
    ), (
        "{naam} kwam later binnen en vroeg zelf of {hij} mee kon doen.",
    ), (
        _Challenge("Vragen of ik mee mag doen", "gevraagd of {hij} mee mocht doen"),
    )),
    _Issue("missing_skill", "Om hulp vragen", (
        "{naam} liep vast bij de opdracht, vroeg niemand om hulp en haakte af.",
    ), (
        "{naam} vroeg {ander} om hulp en samen maakten ze de opdracht af.",
    ), (
        _Challenge("Om hulp vragen als ik vastloop", "om hulp gevraagd toen {hij} vastliep"),
    )),
    _Issue("missing_skill", "Omgaan met verliezen en tegenslag", (
        "{naam} werd boos en liep weg toen {zijn} team verloor.",
        "{naam} gaf {ander} de schuld toen het niet lukte en wilde stoppen.",
    ), (
        "{naam} verloor het spel, baalde even en feliciteerde daarna de winnaars.",
    ), (
        _Challenge("Blijven na een verloren potje", "na een verloren potje gewoon doorgespeeld"),
    )),
    _Issue("missing_skill", "Grenzen aangeven zonder ruzie te maken", (
        "{naam} deed mee met iets wat {hij} duidelijk niet leuk vond en was daarna stil.",
    ), (
        "{naam} zei rustig tegen {ander} dat {hij} niet op de foto wilde.",
    ), (
        _Challenge("Nee zeggen als ik iets niet wil", "nee gezegd toen {hij} iets niet wilde"),
    )),
    _Issue("missing_skill", "Luisteren en de ander ook aan het woord laten", (
        "{naam} praatte veel over zichzelf en merkte niet dat {ander} ook iets wilde zeggen.",
    ), (
        "{naam} liet {ander} uitpraten en vroeg door.",
    ), (
        _Challenge("Iemand anders laten uitpraten", "{ander} laten uitpraten en doorgevraagd"),
    )),
)

EXTRA_CHALLENGES = (
    _Challenge("Een compliment geven aan iemand uit de groep", "een compliment gegeven"),
    _Challenge("Iets afspreken buiten de groep", "iets afgesproken buiten de groep"),
    _Challenge("Een nieuwe jongere wegwijs maken", "een nieuwe jongere wegwijs gemaakt"),
)

UNCLEAR = (
    "{naam} was stiller dan anders en ging vroeg naar huis.",
    "{naam} kwam binnen met een koptelefoon op en hield die de eerste tijd op.",
    "{naam} lachte mee met de grappen van {ander}, maar zei zelf weinig.",
    "{naam} zat het grootste deel van de tijd naast een begeleider.",
    "{naam} leek moe en zei dat het thuis druk was.",
)
GOOD_TIMES = (
    "{naam} en {ander} hebben nummers uitgewisseld en willen buiten de groep afspreken.",
    "{naam} hielp {ander} met opruimen en ze kletsten de hele tijd.",
    "{naam} lachte veel en deed overal aan mee.",
    "{naam} gaf in de afsluitende kring aan wat {hij} vandaag lastig vond.",
    "{naam} nam het voortouw in {zijn} groepje en verdeelde de taken.",
)

WHAT_HAPPENED = {
    "went_well": (
        "{naam} heeft {done} en het ging goed; {ander} reageerde positief.",
        "Gelukt: {naam} heeft {done}, zonder hulp van de begeleiders.",
        "{naam} heeft {done}. Daarna ging {hij} vanzelf verder met de anderen.",
    ),
    "partly": (
        "{naam} heeft {done}, maar pas nadat een begeleider {hem} een duwtje gaf.",
        "{naam} begon eraan, maar haakte halverwege af.",
        "Half gelukt: {naam} probeerde het, maar liet het daarna snel weer los.",
    ),
    "not_yet": (
        "{naam} wilde het proberen, maar durfde het vandaag nog niet.",
        "{naam} kwam er niet aan toe; {hij} zat niet lekker in {zijn} vel.",
        "Het moment kwam niet; afgesproken om het de volgende keer opnieuw te proberen.",
    ),
}
HOW_IT_FELT = {
    "went_well": ("Spannend, maar daarna was ik trots.", "Viel mee! Niemand deed raar.",
                  "Best leuk eigenlijk, ik ga het vaker doen.",
                  "Ik had niet gedacht dat het zo makkelijk zou gaan."),
    "partly": ("Een beetje eng. Volgende keer beter.",
               "Ik twijfelde de hele tijd of het wel goed ging.",
               "Het was oké, maar ik was blij toen het voorbij was."),
    "not_yet": ("Te spannend vandaag.", "Ik voelde me onzeker en wilde eigenlijk naar huis.",
                "Ik baal ervan dat het niet lukte."),
}

EXIT_REASON_WEIGHTS = (("goals_met", 50), ("stopped_early", 20), ("moved_away", 12),
                       ("referred", 12), ("other", 6))
EXIT_NOTES = {
    "goals_met": (
        "{naam} heeft {zijn} uitdagingen gehaald en spreekt nu wekelijks af met twee jongeren "
        "uit de groep. Zit sinds kort bij een {club}.",
        "{naam} voelt zich zekerder en heeft een eigen vriendengroep opgebouwd. Afscheid "
        "gevierd met taart.",
    ),
    "stopped_early": (
        "{naam} kwam steeds minder en gaf aan dat de groep niet bij {hem} past. Afgesproken "
        "dat {hij} altijd terug mag komen.",
    ),
    "moved_away": (
        "{naam} is met {zijn} familie verhuisd naar {stad}. Met toestemming Join Us {stad} "
        "ingelicht.",
    ),
    "referred": (
        "Doorverwezen naar de praktijkondersteuner (POH-GGZ) voor somberheidsklachten; "
        "{naam} blijft welkom in de groep.",
    ),
    "other": (
        "{naam} heeft een bijbaan op de avond van de bijeenkomsten en kan niet meer komen.",
    ),
}
CLUBS = ("voetbalclub", "tekenclub", "gamevereniging", "jongerenkoor", "boulderclub",
         "theatergroep")
CITIES = ("Amersfoort", "Zwolle", "Rotterdam", "Nijmegen", "Arnhem", "Eindhoven")

# Latent trajectory per scale, as fractions of the answer scale's span.
_BASELINE_WORSE, _BASELINE_BETTER = 0.62, 0.38  # where a lonely youngster starts
_CHANGE_WORSE, _CHANGE_BETTER = 0.28, 0.25  # full improvement for an average youngster
_PACE = 10.0  # meetings attended for ~63% of the youngster's improvement
_ITEM_NOISE = 0.6
_MOMENT_NOISE = 0.18
_P_MISSING_ITEM = 0.06
_P_PENDING = 0.35  # a measurement due at the latest meeting is sometimes not done yet


# --- the plan (pure Python, no store) -----------------------------------------------

@dataclass(eq=False)
class _Meeting:
    date: dt.date
    place: str
    activity: _Activity
    side: str
    present: list[_Youngster] = field(default_factory=list)
    notes: str = ""
    id: str = ""


@dataclass(eq=False)
class _Youngster:
    alias: str
    male: bool
    stage: str  # intake, active, exited
    intake: dt.date
    birth_year: int
    join: int  # index of the first meeting after intake
    end: int  # index after the last meeting before exit
    propensity: float
    responsiveness: float
    belief: _Issue
    skill: _Issue
    baseline: dict[str, float]
    change: dict[str, float]
    exit_date: dt.date | None = None
    exit_reason: str | None = None
    attended: list[_Meeting] = field(default_factory=list)
    id: str = ""


def _words(y: _Youngster, other: str | None = None) -> dict[str, str]:
    return {"naam": y.alias, "hij": "hij" if y.male else "ze", "zijn": "zijn" if y.male else "haar",
            "hem": "hem" if y.male else "haar", "zichzelf": "zichzelf",
            "ander": other or "een andere jongere"}


def _say(template: str, y: _Youngster, other: str | None = None, **more: str) -> str:
    words = {**_words(y, other), **more}
    text = template.format_map(words)
    return text[0].upper() + text[1:]


def _clip(value: float, low: float, high: float) -> float:
    return min(high, max(low, value))


def _meeting_dates(rng: random.Random, today: dt.date, count: int) -> list[dt.date]:
    """``count`` fortnightly dates before ``today``, skipping school holidays."""
    weekday = rng.randrange(5)
    last = today - dt.timedelta(days=1)
    while last.weekday() != weekday:
        last -= dt.timedelta(days=1)
    if rng.random() < 0.5:
        last -= dt.timedelta(days=7)
    dates: list[dt.date] = []
    day = last
    while len(dates) < count:
        summer = (7, 14) <= (day.month, day.day) <= (8, 24)
        christmas = (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 4)
        if not (summer or christmas):
            dates.append(day)
        day -= dt.timedelta(days=14)
    return sorted(dates)


def _plan_meetings(rng: random.Random, today: dt.date, home: str) -> list[_Meeting]:
    dates = _meeting_dates(rng, today, MEETINGS_PER_GROUP)
    meetings: list[_Meeting] = []
    previous: _Activity | None = None
    for n, day in enumerate(dates):
        if n == 0:
            activity = KICK_OFF
        else:
            activity = rng.choice([a for a in ACTIVITIES if a is not previous])
        previous = activity
        meetings.append(_Meeting(day, activity.place or home, activity,
                                 rng.choice(SIDE_ACTIVITIES)))
    return meetings


def _stages(rng: random.Random, size: int, small: bool) -> list[str]:
    n_intake = rng.choice((2, 3)) if small else rng.randint(1, 3)
    n_exited = rng.choice((2, 3)) if small else rng.randint(1, 3)
    stages = ["intake"] * n_intake + ["exited"] * n_exited
    stages += ["active"] * (size - len(stages))
    rng.shuffle(stages)
    return stages


def _plan_youngsters(rng: random.Random, today: dt.date, meetings: list[_Meeting],
                     names: list[tuple[str, bool]], ages: tuple[int, int], small: bool,
                     instrument: Instrument) -> list[_Youngster]:
    n = len(meetings)
    stages = _stages(rng, len(names), small)
    exit_reasons = ["goals_met", "stopped_early", rng.choice(("moved_away", "referred"))]
    reasons, weights = zip(*EXIT_REASON_WEIGHTS)
    youngsters = []
    for (alias, male), stage in zip(names, stages):
        exit_reason = None
        if stage == "intake":
            join = rng.choice((n - 2, n - 1, n))
        elif stage == "active":
            join = 0 if rng.random() < 0.6 else rng.randint(1, n - 7)
        else:
            join = 0 if rng.random() < 0.65 else rng.randint(1, 5)
            exit_reason = (exit_reasons.pop(0) if small and exit_reasons
                           else rng.choices(reasons, weights)[0])
        if join == n:  # intake after the latest meeting
            room = max(1, (today - meetings[-1].date).days)
            intake = min(today, meetings[-1].date + dt.timedelta(days=rng.randint(1, room)))
        else:
            before = rng.randint(3, 20) if join == 0 else rng.randint(2, 9)
            intake = meetings[join].date - dt.timedelta(days=before)
        end, exit_date = n, None
        if exit_reason is not None:
            if exit_reason == "goals_met":
                last = rng.randint(min(n - 2, max(join + 12, n - 7)), n - 2)
            elif exit_reason == "stopped_early":
                last = min(n - 2, join + rng.randint(2, 6))
            else:
                last = min(n - 2, join + rng.randint(5, 12))
            end = last + 1
            exit_date = meetings[last].date + dt.timedelta(days=rng.randint(1, 9))
        if exit_reason == "goals_met":
            responsiveness = rng.uniform(1.0, 1.5)
        elif exit_reason == "stopped_early":
            responsiveness = _clip(rng.gauss(0.2, 0.3), -0.4, 0.6)
        else:
            responsiveness = _clip(rng.gauss(0.9, 0.35), -0.3, 1.6)
        propensity = (rng.uniform(0.45, 0.7) if exit_reason == "stopped_early"
                      else rng.uniform(0.68, 0.95))
        baseline, change = {}, {}
        low, high = instrument.answer_scale.min, instrument.answer_scale.max
        span = high - low
        for scale in instrument.scales:
            if scale.higher_is == "worse":
                baseline[scale.id] = low + span * _clip(rng.gauss(_BASELINE_WORSE, 0.1), 0.3, 0.95)
                change[scale.id] = -span * _CHANGE_WORSE
            else:
                baseline[scale.id] = low + span * _clip(rng.gauss(_BASELINE_BETTER, 0.1), 0.05, 0.7)
                change[scale.id] = span * _CHANGE_BETTER
        age = rng.randint(*ages)
        youngsters.append(_Youngster(
            alias=alias, male=male, stage=stage, intake=intake, birth_year=intake.year - age,
            join=join, end=end, propensity=propensity, responsiveness=responsiveness,
            belief=rng.choice(BELIEFS), skill=rng.choice(SKILLS), baseline=baseline,
            change=change, exit_date=exit_date, exit_reason=exit_reason,
        ))
    return youngsters


def _plan_attendance(rng: random.Random, meetings: list[_Meeting],
                     youngsters: list[_Youngster]) -> None:
    for y in youngsters:
        for index in range(y.join, y.end):
            chance = 0.95 if index == y.join else y.propensity
            if rng.random() < chance:
                meetings[index].present.append(y)
                y.attended.append(meetings[index])


def _plan_notes(rng: random.Random, meetings: list[_Meeting],
                youngsters: list[_Youngster]) -> None:
    for n, meeting in enumerate(meetings):
        enrolled = [y for y in youngsters if y.intake < meeting.date
                    and (y.exit_date is None or y.exit_date >= meeting.date)]
        lines = [rng.choice(MOODS) if n else "",
                 f"{len(meeting.present)} van de {len(enrolled)} jongeren aanwezig.",
                 rng.choice(meeting.activity.notes)]
        newcomers = [y for y in meeting.present if y.attended and y.attended[0] is meeting]
        if newcomers and n:
            guide = [y for y in meeting.present if y not in newcomers]
            newbie = rng.choice(newcomers)
            if guide:
                lines.append(_say("{naam} was er voor het eerst; {ander} heeft {hem} wegwijs "
                                  "gemaakt.", newbie, rng.choice(guide).alias))
            else:
                lines.append(_say("{naam} was er voor het eerst.", newbie))
        leaving = [y for y in meeting.present if y.exit_reason == "goals_met" and y.end == n + 1]
        for y in leaving:
            lines.append(_say("Afscheid genomen van {naam}; {hij} kreeg een kaart van de groep.",
                              y))
        if n + 1 < len(meetings):
            lines.append(f"Volgende keer: {meetings[n + 1].activity.name.lower()}.")
        meeting.notes = " ".join(line for line in lines if line)


def _others(rng: random.Random, meeting: _Meeting, y: _Youngster) -> str | None:
    others = [o.alias for o in meeting.present if o is not y]
    return rng.choice(others) if others else None


def _progress(y: _Youngster, attended: int) -> float:
    return y.responsiveness * (1 - math.exp(-attended / _PACE))


def _observation(rng: random.Random, y: _Youngster, meeting: _Meeting,
                 attended_before: int) -> dict[str, Any]:
    other = _others(rng, meeting, y)
    positive = rng.random() < _clip(0.15 + 0.55 * _progress(y, attended_before), 0.1, 0.8)
    roll = rng.random()
    cause, detail = "unknown", None
    if positive:
        if roll < 0.45:
            issue = y.belief
        elif roll < 0.8:
            issue = y.skill
        else:
            issue = None
        template = rng.choice(issue.positive if issue else GOOD_TIMES)
        tags = ["positive_peer_experiences"]
        if issue is not None:
            cause, detail = issue.kind, issue.detail
            tags.append("realistic_self_image" if issue is y.belief else "social_skills")
        else:
            tags.append(rng.choice(("peer_contact", "personal_leadership", "fun_and_safety")))
    else:
        early = attended_before < 2 and rng.random() < 0.5  # too soon to tell
        if roll < 0.4 and not early:
            issue = y.belief
        elif roll < 0.8 and not early:
            issue = y.skill
        else:
            issue = None
        template = rng.choice(issue.negative if issue else UNCLEAR)
        if issue is y.belief:
            cause, detail = issue.kind, issue.detail
            tags = ["realistic_self_image", rng.choice(("fun_and_safety", "peer_contact"))]
        elif issue is y.skill:
            cause, detail = issue.kind, issue.detail
            tags = ["social_skills"]
            if rng.random() < 0.5:
                tags.append("knowledge_own_behaviour")
        else:
            tags = [rng.choice(("fun_and_safety", "peer_contact"))]
    context = rng.choice(CONTEXTS).format(act=meeting.activity.phrase)
    return {"youngster_id": y.id, "meeting_id": meeting.id, "date": meeting.date.isoformat(),
            "behaviour": _say(template, y, other), "context": context,
            "suspected_cause": cause, "cause_detail": detail, "tags": tags}


def _allocate(rng: random.Random, slots: int, total: int) -> list[int]:
    """``total`` spread as evenly as possible over ``slots``, the remainder at random."""
    if slots == 0:
        return []
    counts = [total // slots] * slots
    for index in rng.sample(range(slots), total % slots):
        counts[index] += 1
    return counts


def _plan_challenges(rng: random.Random, y: _Youngster
                     ) -> list[tuple[_Challenge, str, list[tuple[_Meeting, str]]]]:
    """(challenge, status, [(meeting, outcome)…]) for one youngster."""
    attended = len(y.attended)
    if attended < 2:
        count = 1 if attended == 1 and rng.random() < 0.5 else 0
    else:
        count = min(4, 1 + attended // 6)
    pool: list[_Challenge] = []  # alternately the belief's and the skill's challenges
    for pair in itertools.zip_longest(y.belief.challenges, y.skill.challenges):
        pool.extend(c for c in pair if c is not None)
    pool.extend(c for c in EXTRA_CHALLENGES if c not in pool)
    plans = []
    for number, challenge in enumerate(pool[:count]):
        proposed_at = min(attended - 1, number * 5 + (1 if attended > 1 else 0))
        later = list(range(proposed_at + 1, attended))
        tries = sorted(rng.sample(later, min(len(later), rng.randint(1, 4))))
        attempts: list[tuple[_Meeting, str]] = []
        successes = 0
        for n, position in enumerate(tries):
            chance = _clip(0.15 + 0.15 * n + 0.45 * _progress(y, position), 0.05, 0.9)
            roll = rng.random()
            outcome = ("went_well" if roll < chance
                       else "partly" if roll < chance + 0.3 else "not_yet")
            attempts.append((y.attended[position], outcome))
            successes += outcome == "went_well"
            if successes == 2:
                break
        if not attempts:
            status = "stopped" if y.stage == "exited" else "proposed"
        elif attempts[-1][1] == "went_well" and (successes == 2 or rng.random() < 0.6):
            status = "achieved"
        elif y.stage == "exited" or rng.random() < 0.08:
            status = "stopped"
        else:
            status = "active"
        plans.append((challenge, status, attempts))
    return plans


def _answers(rng: random.Random, instrument: Instrument, y: _Youngster,
             attended: int) -> dict[str, int | None]:
    low, high = instrument.answer_scale.min, instrument.answer_scale.max
    latent = {s.id: _clip(y.baseline[s.id] + y.change[s.id] * _progress(y, attended)
                          + rng.gauss(0, _MOMENT_NOISE), low, high)
              for s in instrument.scales}
    answers: dict[str, int | None] = {}
    for item in instrument.items:
        value = int(_clip(round(latent[item.scale] + rng.gauss(0, _ITEM_NOISE)), low, high))
        answers[item.id] = low + high - value if item.reverse else value
    if rng.random() < _P_MISSING_ITEM:
        answers[rng.choice(instrument.items).id] = None
    return answers


def _plan_responses(rng: random.Random, instrument: Instrument, y: _Youngster,
                    latest: _Meeting) -> list[tuple[str, dt.date, dict[str, int | None]]]:
    """Per the schedule: T0 at intake, T<k> at the 6k-th meeting attended, exit at exit."""
    responses = [(schedule.INTAKE, y.intake, _answers(rng, instrument, y, 0))]
    step = schedule.MEETINGS_PER_MEASUREMENT
    for count in range(step, len(y.attended) + 1, step):
        meeting = y.attended[count - 1]
        if meeting is latest and y.stage != "exited" and rng.random() < _P_PENDING:
            break  # due now, to be filled in: shows on the due list
        responses.append((f"T{count // step}", meeting.date,
                          _answers(rng, instrument, y, count)))
    if y.exit_date is not None:
        responses.append((schedule.EXIT, y.exit_date,
                          _answers(rng, instrument, y, len(y.attended))))
    return responses


def _names(rng: random.Random, count: int, large: bool) -> list[tuple[str, bool]]:
    pool = [(n, True) for n in MALE_NAMES] + [(n, False) for n in FEMALE_NAMES]
    if not large:
        return rng.sample(pool, count)
    letters = "ABCDEFGHIJKLMNOPRSTVWZ"
    combos = [(f"{name} {letter}.", male) for name, male in pool for letter in letters]
    rng.shuffle(combos)
    return combos[:count]


def _group_sizes(rng: random.Random, total: int) -> list[int]:
    groups = total // 13
    sizes = [13] * groups
    for _ in range(total - 13 * groups):
        sizes[rng.choice([i for i, s in enumerate(sizes) if s < MAX_GROUP_SIZE])] += 1
    return sizes


# --- writing ----------------------------------------------------------------------

def _team(store: Store, team_id: str | None) -> tuple[dict[str, Any], int]:
    if team_id is not None:
        return store.teams.get(team_id), 0
    try:
        return store.teams.current(), 0
    except NotFound:
        return store.teams.create(**DEFAULT_TEAM).record, 1


def _ages(age_group: str | None) -> tuple[int, int]:
    return (18, 24) if age_group == "18-25" else (12, 17)


def fill_demo(store: Store, *, seed: int = 1, size: Literal["small", "large"] = "small",
              team_id: str | None = None, today: dt.date | None = None) -> DemoSummary:
    """Add demo data to ``team_id`` (default: the current team, else a new one).

    One transaction: either all of it lands (with its outbox entries) or none.
    """
    if size not in ("small", "large"):
        raise ValueError(f"size must be 'small' or 'large', not {size!r}")
    today = today or dt.date.today()
    rng = random.Random(seed)
    instrument = store.instruments.default()
    large = size == "large"
    total = LARGE_YOUNGSTERS if large else SMALL_YOUNGSTERS
    sizes = _group_sizes(rng, total) if large else [total]
    names = _names(rng, total, large)

    groups: list[tuple[list[_Meeting], list[_Youngster]]] = []
    homes = list(HOME_PLACES)
    with store.db.write():
        team, teams_created = _team(store, team_id)
        ages = _ages(team.get("age_group"))
        start = 0
        for number, group_size in enumerate(sizes):
            home = homes[0] if number == 0 else rng.choice(homes)
            meetings = _plan_meetings(rng, today, home)
            youngsters = _plan_youngsters(rng, today, meetings, names[start:start + group_size],
                                          ages, not large, instrument)
            start += group_size
            _plan_attendance(rng, meetings, youngsters)
            _plan_notes(rng, meetings, youngsters)
            groups.append((meetings, youngsters))
        all_meetings = [m for meetings, _ in groups for m in meetings]
        all_youngsters = [y for _, youngsters in groups for y in youngsters]
        counts = _write(store, rng, team["id"], instrument, groups, all_meetings,
                        all_youngsters, large)
    return DemoSummary(teams=teams_created, team_id=team["id"], **counts)


def _write(store: Store, rng: random.Random, team_id: str, instrument: Instrument,
           groups: Sequence[tuple[list[_Meeting], list[_Youngster]]],
           meetings: list[_Meeting], youngsters: list[_Youngster], large: bool
           ) -> dict[str, int]:
    records = store.records

    rows = []
    for y in youngsters:
        age = y.intake.year - y.birth_year
        row: dict[str, Any] = {
            "alias": y.alias, "birth_year": y.birth_year, "intake_date": y.intake.isoformat(),
            "status": y.stage, "consent_date": y.intake.isoformat(), "consent_youngster": True,
            "consent_guardian": age < 16 or (age < 18 and rng.random() < 0.3),
        }
        if y.exit_date is not None:
            note = rng.choice(EXIT_NOTES[y.exit_reason or "other"])
            row.update(exit_date=y.exit_date.isoformat(), exit_reason=y.exit_reason,
                       exit_note=_say(note, y, club=rng.choice(CLUBS), stad=rng.choice(CITIES)))
        rows.append(row)
    for y, saved in zip(youngsters, records.insert_many("youngster", rows, team_id=team_id)):
        y.id = saved.id

    saved_meetings = records.insert_many("meeting", [
        {"date": m.date.isoformat(), "place": m.place,
         "activities": f"{m.activity.name}, {m.side}", "notes": m.notes} for m in meetings
    ], team_id=team_id)
    for m, saved in zip(meetings, saved_meetings):
        m.id = saved.id

    pairs = [(m, y) for m in meetings for y in m.present]
    records.insert_many(
        "attendance",
        [{"meeting_id": m.id, "youngster_id": y.id, "present": True} for m, y in pairs],
        team_id=team_id, record_ids=[attendance_id(m.id, y.id) for m, y in pairs])

    # Observations: about one for every two attendances in a small group; exactly
    # LARGE_OBSERVATIONS spread over all attendances in a large team.
    slots = [(m, y, n) for _, group in groups for y in group for n, m in enumerate(y.attended)]
    total = LARGE_OBSERVATIONS if large else round(0.5 * len(slots))
    observations = []
    for (m, y, n), count in zip(slots, _allocate(rng, len(slots), total)):
        observations.extend(_observation(rng, y, m, n) for _ in range(count))
    records.insert_many("observation", observations, team_id=team_id)

    challenge_rows, attempt_plans = [], []
    for y in youngsters:
        for challenge, status, attempts in _plan_challenges(rng, y):
            issue = next((i for i in (y.belief, y.skill) if challenge in i.challenges), None)
            challenge_rows.append({
                "youngster_id": y.id, "title": challenge.title, "status": status,
                "works_on_kind": issue.kind if issue else None,
                "works_on": issue.detail if issue else None,
            })
            attempt_plans.append((y, challenge, attempts))
    saved_challenges = records.insert_many("challenge", challenge_rows, team_id=team_id)
    attempt_rows = []
    for saved, (y, challenge, attempts) in zip(saved_challenges, attempt_plans):
        for meeting, outcome in attempts:
            other = _others(rng, meeting, y)
            done = challenge.done.format_map(_words(y, other))
            attempt_rows.append({
                "challenge_id": saved.id, "youngster_id": y.id, "meeting_id": meeting.id,
                "date": meeting.date.isoformat(),
                "what_happened": _say(rng.choice(WHAT_HAPPENED[outcome]), y, other, done=done),
                "how_it_felt": (rng.choice(HOW_IT_FELT[outcome]) if rng.random() < 0.9
                                else None),
                "outcome": outcome,
            })
    records.insert_many("challenge_attempt", attempt_rows, team_id=team_id)

    response_rows = []
    for group_meetings, group in groups:
        for y in group:
            for moment, day, answers in _plan_responses(rng, instrument, y, group_meetings[-1]):
                response_rows.append({
                    "youngster_id": y.id, "instrument_id": instrument.id,
                    "instrument_version": instrument.version, "moment": moment,
                    "date": day.isoformat(), "answers": answers, "supersedes": None,
                })
    records.insert_many("questionnaire_response", response_rows, team_id=team_id)

    return {"youngsters": len(youngsters), "meetings": len(meetings),
            "attendance": len(pairs), "observations": len(observations),
            "challenges": len(challenge_rows), "attempts": len(attempt_rows),
            "responses": len(response_rows)}
