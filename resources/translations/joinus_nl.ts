<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>AccessDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/access_dialog.py" line="33"/>
        <source>All data of %1 (right of access)</source>
        <translation>Alle gegevens van %1 (recht op inzage)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/access_dialog.py" line="35"/>
        <source>Everything this laptop holds on %1: the youngster&apos;s record, attendance, observations, challenges and attempts, questionnaires with answers and scores, and the audit entries about them. JSON is complete and machine-readable; the PDF is a readable version.</source>
        <translation>Alles wat deze laptop over %1 bewaart: de gegevens van de jongere, aanwezigheid, observaties, uitdagingen en pogingen, vragenlijsten met antwoorden en scores, en de logregels daarover. JSON is volledig en machineleesbaar; de pdf is een leesbare versie.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/access_dialog.py" line="40"/>
        <location filename="../../src/joinus_desktop/ui/reports/access_dialog.py" line="42"/>
        <source>Language of the PDF</source>
        <translation>Taal van de pdf</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/access_dialog.py" line="46"/>
        <source>Save JSON…</source>
        <translation>JSON opslaan…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/access_dialog.py" line="47"/>
        <source>Save PDF…</source>
        <translation>Pdf opslaan…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/access_dialog.py" line="68"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/access_dialog.py" line="72"/>
        <source>PDF (*.pdf)</source>
        <translation>Pdf (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/access_dialog.py" line="78"/>
        <source>Saved to %1. The file is not encrypted: hand it over securely and delete it when done.</source>
        <translation>Opgeslagen in %1. Het bestand is niet versleuteld: geef het veilig door en verwijder het als je klaar bent.</translation>
    </message>
</context>
<context>
    <name>AttemptDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="63"/>
        <source>Attempt: %1</source>
        <translation>Poging: %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="66"/>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="86"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="68"/>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="87"/>
        <source>Meeting</source>
        <translation>Bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="69"/>
        <source>Not at a meeting</source>
        <translation>Niet tijdens een bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="78"/>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="88"/>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="80"/>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="89"/>
        <source>How it felt</source>
        <translation>Hoe het voelde</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="82"/>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="90"/>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
</context>
<context>
    <name>AttemptEntry</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="197"/>
        <source>Challenge attempt</source>
        <translation>Poging bij uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="201"/>
        <source>Challenge</source>
        <translation>Uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="202"/>
        <source>Choose a challenge…</source>
        <translation>Kies een uitdaging…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="206"/>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="207"/>
        <source>Outcome…</source>
        <translation>Uitkomst…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="210"/>
        <source>What happened?</source>
        <translation>Wat gebeurde er?</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="211"/>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="213"/>
        <source>How did it feel for them?</source>
        <translation>Hoe voelde het voor de jongere?</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="214"/>
        <source>How it felt</source>
        <translation>Hoe het voelde</translation>
    </message>
</context>
<context>
    <name>AttendeePanel</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="276"/>
        <source>+ Add observation</source>
        <translation>+ Observatie toevoegen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="278"/>
        <source>Add an observation of %1</source>
        <translation>Observatie van %1 toevoegen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="280"/>
        <source>+ Add challenge attempt</source>
        <translation>+ Poging toevoegen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="282"/>
        <source>Add a challenge attempt of %1</source>
        <translation>Poging van %1 bij een uitdaging toevoegen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="284"/>
        <source>%1 has no active challenges. Add one in the youngster&apos;s details.</source>
        <translation>%1 heeft geen actieve uitdagingen. Voeg er een toe bij de gegevens van de jongere.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="290"/>
        <source>Observations</source>
        <translation>Observaties</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="296"/>
        <source>Challenge attempts</source>
        <translation>Pogingen bij uitdagingen</translation>
    </message>
</context>
<context>
    <name>ChallengeDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="22"/>
        <source>New challenge for %1</source>
        <translation>Nieuwe uitdaging voor %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="27"/>
        <source>e.g. Join a game without being asked</source>
        <translation>bijv. Ongevraagd meedoen met een spel</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="28"/>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="41"/>
        <source>Challenge</source>
        <translation>Uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="30"/>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="42"/>
        <source>Works on</source>
        <translation>Werkt aan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="31"/>
        <source>A social skill</source>
        <translation>Een sociale vaardigheid</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="32"/>
        <source>A negative belief</source>
        <translation>Een negatieve gedachte</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="34"/>
        <source>Which skill or belief, in a few words</source>
        <translation>Welke vaardigheid of gedachte, in een paar woorden</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="35"/>
        <source>Which skill or belief</source>
        <translation>Welke vaardigheid of gedachte</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="37"/>
        <location filename="../../src/joinus_desktop/ui/challenges/dialogs.py" line="44"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>Challenges</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="82"/>
        <source>Challenge</source>
        <translation>Uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="82"/>
        <source>Works on</source>
        <translation>Werkt aan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="82"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="82"/>
        <source>Attempts</source>
        <translation>Pogingen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="88"/>
        <source>Skill</source>
        <translation>Vaardigheid</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="88"/>
        <source>Belief</source>
        <translation>Gedachte</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="101"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="101"/>
        <source>Outcome</source>
        <translation>Uitkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="101"/>
        <source>What happened</source>
        <translation>Wat er gebeurde</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/model.py" line="101"/>
        <source>How it felt</source>
        <translation>Hoe het voelde</translation>
    </message>
</context>
<context>
    <name>ChallengesSection</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/section.py" line="58"/>
        <source>Challenges</source>
        <translation>Uitdagingen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/section.py" line="59"/>
        <location filename="../../src/joinus_desktop/ui/challenges/section.py" line="71"/>
        <source>Attempts</source>
        <translation>Pogingen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/section.py" line="61"/>
        <source>Add challenge</source>
        <translation>Uitdaging toevoegen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/section.py" line="64"/>
        <source>Status of the selected challenge</source>
        <translation>Status van de gekozen uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/section.py" line="69"/>
        <source>Add attempt</source>
        <translation>Poging toevoegen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/section.py" line="79"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/challenges/section.py" line="131"/>
        <source>Attempts at “%1”</source>
        <translation>Pogingen bij ‘%1’</translation>
    </message>
</context>
<context>
    <name>ConflictCard</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="91"/>
        <source>Kept now</source>
        <translation>Nu bewaard</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="92"/>
        <source>Other version</source>
        <translation>Andere versie</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="97"/>
        <source>Keep the value kept now</source>
        <translation>De nu bewaarde waarde houden</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="98"/>
        <source>Keep the other version</source>
        <translation>De andere versie bewaren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="107"/>
        <source>Combined text</source>
        <translation>Samengevoegde tekst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="109"/>
        <source>Save combined text</source>
        <translation>Samengevoegde tekst opslaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="115"/>
        <source>Or combine both:</source>
        <translation>Of voeg ze samen:</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="120"/>
        <source>Keep your version</source>
        <translation>Jouw versie bewaren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="122"/>
        <source>Keep %1&apos;s version</source>
        <translation>De versie van %1 bewaren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="123"/>
        <source>Keep this version</source>
        <translation>Deze versie bewaren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="131"/>
        <source>Edited</source>
        <translation>Bewerkt</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="131"/>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="132"/>
        <source>%1 (as it is now)</source>
        <translation>%1 (zo staat het nu)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="143"/>
        <source>(no text)</source>
        <translation>(geen tekst)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="145"/>
        <source>If you delete, the text on the left is gone for everyone in the group.</source>
        <translation>Kies je verwijderen, dan verdwijnt de tekst links voor iedereen in de groep.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="149"/>
        <source>Keep your edit</source>
        <translation>Jouw bewerking bewaren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="151"/>
        <source>Keep %1&apos;s edit</source>
        <translation>De bewerking van %1 bewaren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="153"/>
        <source>Keep the edit</source>
        <translation>De bewerking bewaren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="155"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="156"/>
        <source>Keep the edited text</source>
        <translation>De bewerkte tekst bewaren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="157"/>
        <source>Delete this record</source>
        <translation>Dit verwijderen</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="28"/>
        <source>Connect to the organisation server</source>
        <translation>Verbinden met de organisatieserver</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="31"/>
        <source>Your coordinator gives you the server address and a one-time code. After connecting, this laptop shares your group&apos;s records with your colleague and the organisation, whenever it is online.</source>
        <translation>Je coördinator geeft je het serveradres en een eenmalige code. Na het verbinden deelt deze laptop de gegevens van je groep met je collega en de organisatie, zodra hij online is.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="36"/>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="47"/>
        <source>Server address</source>
        <translation>Serveradres</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="38"/>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="48"/>
        <source>Enrolment code</source>
        <translation>Koppelcode</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="39"/>
        <source>e.g. K7M2-Q9XP</source>
        <translation>bijv. K7M2-Q9XP</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="51"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="64"/>
        <source>Fill in the server address and the code.</source>
        <translation>Vul het serveradres en de code in.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="68"/>
        <source>Use the server&apos;s https:// address. With plain http:// the code and your records would travel unencrypted; that is allowed only to this computer itself (localhost).</source>
        <translation>Gebruik het https://-adres van de server. Met gewoon http:// zouden de code en je gegevens onversleuteld over het netwerk gaan; dat mag alleen naar deze computer zelf (localhost).</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="91"/>
        <source>The server&apos;s certificate is not trusted, so nothing was sent. If your organisation uses its own certificate authority, ask your IT department to set JOINUS_CA_BUNDLE (see the installation guide).</source>
        <translation>Het certificaat van de server wordt niet vertrouwd, dus er is niets verstuurd. Gebruikt je organisatie een eigen certificaatautoriteit, vraag dan je IT-afdeling om JOINUS_CA_BUNDLE in te stellen (zie de installatiehandleiding).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="96"/>
        <source>Too many wrong codes were tried from this network. Wait %n minute(s) and try again. If your code still does not work, ask your coordinator for a new one.</source>
        <translation>
            <numerusform>Vanaf dit netwerk zijn te veel foute codes geprobeerd. Wacht %n minuut en probeer het opnieuw. Werkt je code dan nog niet, vraag je coördinator om een nieuwe.</numerusform>
            <numerusform>Vanaf dit netwerk zijn te veel foute codes geprobeerd. Wacht %n minuten en probeer het opnieuw. Werkt je code dan nog niet, vraag je coördinator om een nieuwe.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/enroll.py" line="102"/>
        <source>Connecting failed: %1</source>
        <translation>Verbinden is mislukt: %1</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="48"/>
        <source>Erase %1</source>
        <translation>%1 wissen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="49"/>
        <source>Counting the records…</source>
        <translation>Gegevens tellen…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="52"/>
        <source>Type the name to confirm</source>
        <translation>Typ de naam om te bevestigen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="58"/>
        <source>Erase for good</source>
        <translation>Definitief wissen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="65"/>
        <source>Looking for %1 in other records…</source>
        <translation>Zoeken naar %1 in andere gegevens…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="81"/>
        <source>Type %1 to confirm:</source>
        <translation>Typ %1 om te bevestigen:</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="105"/>
        <source>No other record names %1.</source>
        <translation>Geen ander gegeven noemt %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="110"/>
        <source>&lt;b&gt;%n other record(s) name %1.&lt;/b&gt; Erasing does not change them: edit them first if the name should go too (you can also erase without).</source>
        <translation>
            <numerusform>&lt;b&gt;%n ander gegeven noemt %1.&lt;/b&gt; Wissen verandert het niet: bewerk het eerst als de naam ook weg moet (wissen kan ook zonder).</numerusform>
            <numerusform>&lt;b&gt;%n andere gegevens noemen %1.&lt;/b&gt; Wissen verandert ze niet: bewerk ze eerst als de naam ook weg moet (wissen kan ook zonder).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="122"/>
        <source>Observation</source>
        <translation>Observatie</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="122"/>
        <source>Meeting</source>
        <translation>Bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="123"/>
        <source>Challenge</source>
        <translation>Uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="124"/>
        <source>Challenge attempt</source>
        <translation>Poging bij uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="125"/>
        <source>Exit note</source>
        <translation>Notitie bij uitstroom</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="128"/>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="131"/>
        <source>Exit note of %1</source>
        <translation>Notitie bij uitstroom van %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="137"/>
        <source>(deleted)</source>
        <translation>(verwijderd)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="151"/>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="152"/>
        <source>Edit: %1</source>
        <translation>Bewerken: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="174"/>
        <source>%n attendance record(s)</source>
        <translation>
            <numerusform>%n aanwezigheidsregistratie</numerusform>
            <numerusform>%n aanwezigheidsregistraties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="176"/>
        <source>%n observation(s)</source>
        <translation>
            <numerusform>%n observatie</numerusform>
            <numerusform>%n observaties</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="178"/>
        <source>%n challenge(s)</source>
        <translation>
            <numerusform>%n uitdaging</numerusform>
            <numerusform>%n uitdagingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="180"/>
        <source>%n challenge attempt(s)</source>
        <translation>
            <numerusform>%n poging</numerusform>
            <numerusform>%n pogingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="182"/>
        <source>%n questionnaire(s)</source>
        <translation>
            <numerusform>%n vragenlijst</numerusform>
            <numerusform>%n vragenlijsten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/erase_dialog.py" line="186"/>
        <source>This permanently deletes &lt;b&gt;%1&lt;/b&gt; and every record about them on this laptop: %2. The next sync erases them on the server and on every other laptop too. This cannot be undone.</source>
        <translation>Hiermee verwijder je &lt;b&gt;%1&lt;/b&gt; en alle gegevens over deze jongere definitief van deze laptop: %2. Bij de volgende synchronisatie worden ze ook van de server en van alle andere laptops gewist. Dit kun je niet ongedaan maken.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/errors.py" line="31"/>
        <source>Something went wrong that the app did not expect. Your data is safe; please try again. If it keeps happening, tell your coordinator.</source>
        <translation>Er ging iets mis wat de app niet verwachtte. Je gegevens zijn veilig; probeer het opnieuw. Blijft het gebeuren, meld het dan bij je coördinator.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/errors.py" line="62"/>
        <source>Join Us</source>
        <translation>Join Us</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/errors.py" line="64"/>
        <source>Error message</source>
        <translation>Foutmelding</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="231"/>
        <source>%1 leaves the programme</source>
        <translation>%1 stroomt uit</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="235"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="268"/>
        <source>Exit date</source>
        <translation>Uitstroomdatum</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="237"/>
        <source>Reason for leaving</source>
        <translation>Reden van uitstroom</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="238"/>
        <source>Choose a reason…</source>
        <translation>Kies een reden…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="244"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="270"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="245"/>
        <source>Anything your colleague should know</source>
        <translation>Wat je collega moet weten</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="248"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="271"/>
        <source>Challenges</source>
        <translation>Uitdagingen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="255"/>
        <source>No challenges were recorded.</source>
        <translation>Er zijn geen uitdagingen vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="257"/>
        <source>After leaving, the exit questionnaire is due. Ask %1 to fill it in, preferably on the last meeting.</source>
        <translation>Bij uitstroom hoort de uitstroomvragenlijst. Vraag %1 die in te vullen, het liefst tijdens de laatste bijeenkomst.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="262"/>
        <source>Record leaving and fill in the questionnaire…</source>
        <translation>Uitstroom vastleggen en vragenlijst invullen…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="264"/>
        <source>Record leaving, then open the exit questionnaire</source>
        <translation>Uitstroom vastleggen en daarna de uitstroomvragenlijst openen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="269"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="277"/>
        <source>Record leaving</source>
        <translation>Uitstroom vastleggen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="280"/>
        <source>Intake was on %1</source>
        <translation>Intake was op %1</translation>
    </message>
</context>
<context>
    <name>ExportCard</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/export.py" line="23"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/export.py" line="28"/>
        <source>Writes all records of this laptop to one file, for a move to another system. The file is not encrypted.</source>
        <translation>Zet alle gegevens van deze laptop in één bestand, om over te stappen naar een ander systeem. Het bestand is niet versleuteld.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/export.py" line="32"/>
        <source>E&amp;xport all data…</source>
        <translation>Alle gegevens e&amp;xporteren…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/export.py" line="33"/>
        <source>Export all data to a file</source>
        <translation>Alle gegevens naar een bestand exporteren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/export.py" line="36"/>
        <source>Export message</source>
        <translation>Exportmelding</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/export.py" line="45"/>
        <source>Export to file</source>
        <translation>Exporteren naar bestand</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/export.py" line="46"/>
        <source>Join Us export (*.json)</source>
        <translation>Join Us-export (*.json)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/export.py" line="58"/>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/export.py" line="66"/>
        <source>Exported %1 records to %2. Delete the file when done.</source>
        <translation>%1 gegevens geëxporteerd naar %2. Verwijder het bestand als je klaar bent.</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/flow.py" line="27"/>
        <source>Save export</source>
        <translation>Export opslaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/flow.py" line="41"/>
        <source>The export leaves the vault</source>
        <translation>De export gaat buiten de kluis</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/flow.py" line="42"/>
        <source>This file is NOT encrypted. It holds personal data about youngsters: keep it on an encrypted drive, share it only through approved channels, and delete it when done.</source>
        <translation>Dit bestand is NIET versleuteld. Er staan persoonsgegevens van jongeren in: bewaar het op een versleutelde schijf, deel het alleen via goedgekeurde kanalen en verwijder het als je klaar bent.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/flow.py" line="46"/>
        <source>Write %1?</source>
        <translation>%1 opslaan?</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/flow.py" line="47"/>
        <source>I understand, export</source>
        <translation>Ik begrijp het, exporteren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/flow.py" line="50"/>
        <source>Export warning</source>
        <translation>Waarschuwing bij export</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="59"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="169"/>
        <source>Join Us — set up this laptop</source>
        <translation>Join Us — deze laptop instellen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="170"/>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="172"/>
        <source>Join Us keeps your group&apos;s notes encrypted on this laptop. Choose a passphrase: a few unrelated words are easy to remember and hard to guess.</source>
        <translation>Join Us bewaart de notities van je groep versleuteld op deze laptop. Kies een wachtwoordzin: een paar losse woorden zijn makkelijk te onthouden en moeilijk te raden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="174"/>
        <source>New passphrase</source>
        <translation>Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="175"/>
        <source>Repeat the passphrase</source>
        <translation>Herhaal de wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="176"/>
        <source>&amp;New passphrase</source>
        <translation>&amp;Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="177"/>
        <source>&amp;Repeat it</source>
        <translation>&amp;Herhaal hem</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="178"/>
        <source>Create vault</source>
        <translation>Kluis aanmaken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="180"/>
        <source>This is your recovery key. If you forget your passphrase, it is the only way to open your notes. Write it down on paper and keep it somewhere safe. It will not be shown again.</source>
        <translation>Dit is je herstelsleutel. Als je je wachtwoordzin vergeet, is dit de enige manier om je notities te openen. Schrijf hem op papier en bewaar hem op een veilige plek. Je ziet hem hierna niet meer.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="183"/>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="184"/>
        <source>Save as file…</source>
        <translation>Opslaan als bestand…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="185"/>
        <source>Print…</source>
        <translation>Afdrukken…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="186"/>
        <source>I have written it down</source>
        <translation>Ik heb hem opgeschreven</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="187"/>
        <source>Continue</source>
        <translation>Doorgaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="189"/>
        <source>Does your organisation use a Join Us server? Then connect this laptop now with the address and code from your coordinator, so that your colleague sees the same group. You can also do this later, from the status bar.</source>
        <translation>Gebruikt je organisatie een Join Us-server? Verbind deze laptop dan nu met het adres en de code van je coördinator, zodat je collega dezelfde groep ziet. Je kunt dit ook later doen, via de statusbalk.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="192"/>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="193"/>
        <source>Connect now…</source>
        <translation>Nu verbinden…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="216"/>
        <source>Strength: %1</source>
        <translation>Sterkte: %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="244"/>
        <source>The two passphrases are not the same.</source>
        <translation>De twee wachtwoordzinnen zijn niet gelijk.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="286"/>
        <source>Save the recovery key</source>
        <translation>Herstelsleutel opslaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="287"/>
        <source>Text files (*.txt)</source>
        <translation>Tekstbestanden (*.txt)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="291"/>
        <source>Join Us recovery key

%1

Keep this somewhere safe, away from the laptop. With it, anyone can open this laptop&apos;s Join Us vault.
</source>
        <translation>Join Us-herstelsleutel

%1

Bewaar dit op een veilige plek, niet bij de laptop. Hiermee kan iedereen de Join Us-kluis van deze laptop openen.
</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="297"/>
        <source>Not saved</source>
        <translation>Niet opgeslagen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/first_run.py" line="309"/>
        <source>Join Us recovery key</source>
        <translation>Join Us-herstelsleutel</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="66"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="68"/>
        <source>Save (Ctrl+S)</source>
        <translation>Opslaan (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="71"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>GroupMeansModel</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/model.py" line="101"/>
        <source>Moment</source>
        <translation>Meetmoment</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/model.py" line="103"/>
        <source>Youngsters</source>
        <translation>Jongeren</translation>
    </message>
</context>
<context>
    <name>GroupView</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="48"/>
        <source>Group mean scores per moment</source>
        <translation>Gemiddelde scores van de groep per meetmoment</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="64"/>
        <source>Mean scores per measurement moment</source>
        <translation>Gemiddelde scores per meetmoment</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="73"/>
        <source>The group over time</source>
        <translation>De groep door de tijd</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="78"/>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="79"/>
        <source>How the group as a whole is doing: each youngster&apos;s latest questionnaire per moment counts once.</source>
        <translation>Hoe het met de groep als geheel gaat: per meetmoment telt de laatste vragenlijst van elke jongere één keer mee.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="89"/>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="90"/>
        <source>Attendance per meeting</source>
        <translation>Aanwezigheid per bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="95"/>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="96"/>
        <source>Questionnaires due</source>
        <translation>Vragenlijsten nodig</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="137"/>
        <source>No meetings recorded yet.</source>
        <translation>Nog geen bijeenkomsten vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="145"/>
        <source>Nobody needs a questionnaire right now.</source>
        <translation>Niemand heeft nu een vragenlijst nodig.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="159"/>
        <source>%n youngster(s)</source>
        <translation>
            <numerusform>%n jongere</numerusform>
            <numerusform>%n jongeren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="163"/>
        <source>Group mean</source>
        <translation>Groepsgemiddelde</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="164"/>
        <source>%1 youngsters in the group. Scores run from %2 to %3.</source>
        <translation>%1 jongeren in de groep. Scores lopen van %2 tot %3.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/group/view.py" line="142"/>
        <source>overdue</source>
        <translation>te laat</translation>
    </message>
</context>
<context>
    <name>HandOverWindow</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="59"/>
        <source>Questionnaire</source>
        <translation>Vragenlijst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="91"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="94"/>
        <source>← Back</source>
        <translation>← Terug</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="95"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="96"/>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="236"/>
        <source>Next →</source>
        <translation>Volgende →</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="98"/>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="99"/>
        <source>Social worker: stop</source>
        <translation>Begeleider: stoppen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="101"/>
        <source>Stop the questionnaire (social worker)</source>
        <translation>Vragenlijst stoppen (begeleider)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="132"/>
        <source>Hi! Thanks for filling this in.</source>
        <translation>Hoi! Fijn dat je dit invult.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="136"/>
        <source>These %1 questions are about how you feel with other people. There are no right or wrong answers: choose what fits you best right now. Take your time. You can go back to change an answer, and skip a question if you really don&apos;t want to answer it.</source>
        <translation>Deze %1 vragen gaan over hoe je je voelt bij andere mensen. Er zijn geen goede of foute antwoorden: kies wat nu het beste bij je past. Neem je tijd. Je kunt teruggaan om een antwoord te veranderen, en een vraag overslaan als je die echt niet wilt beantwoorden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="152"/>
        <source>Thank you! You&apos;re done.</source>
        <translation>Bedankt! Je bent klaar.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="154"/>
        <source>Give the laptop back to your social worker.</source>
        <translation>Geef de laptop terug aan je begeleider.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="159"/>
        <source>Go to the skipped questions</source>
        <translation>Naar de overgeslagen vragen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="161"/>
        <source>Social worker: save the answers</source>
        <translation>Begeleider: antwoorden opslaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="162"/>
        <source>Save the answers (social worker)</source>
        <translation>Antwoorden opslaan (begeleider)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="181"/>
        <source>Social worker&apos;s &amp;passphrase</source>
        <translation>&amp;Wachtwoordzin van de begeleider</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="184"/>
        <source>Social worker&apos;s passphrase</source>
        <translation>Wachtwoordzin van de begeleider</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="190"/>
        <source>Confirm</source>
        <translation>Bevestigen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="192"/>
        <source>Back to the questionnaire</source>
        <translation>Terug naar de vragenlijst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="230"/>
        <source>Questions %1–%2 of %3</source>
        <translation>Vragen %1–%2 van %3</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="236"/>
        <source>Start →</source>
        <translation>Beginnen →</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="242"/>
        <source>You skipped %n question(s). You can go back to answer them; leaving them open is fine too.</source>
        <translation>
            <numerusform>Je hebt %n vraag overgeslagen. Je kunt teruggaan om hem te beantwoorden; open laten mag ook.</numerusform>
            <numerusform>Je hebt %n vragen overgeslagen. Je kunt teruggaan om ze te beantwoorden; open laten mag ook.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="265"/>
        <source>Enter your passphrase to save the answers.</source>
        <translation>Vul je wachtwoordzin in om de antwoorden op te slaan.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="266"/>
        <source>Enter your passphrase to stop. The answers given so far are NOT saved.</source>
        <translation>Vul je wachtwoordzin in om te stoppen. De antwoorden tot nu toe worden NIET opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/handover.py" line="297"/>
        <source>That is not the passphrase of this laptop.</source>
        <translation>Dat is niet de wachtwoordzin van deze laptop.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="128"/>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="129"/>
        <source>Join Us</source>
        <translation>Join Us</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="131"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="131"/>
        <source>Youngsters</source>
        <translation>Jongeren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="131"/>
        <source>Meetings</source>
        <translation>Bijeenkomsten</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="132"/>
        <source>Group</source>
        <translation>Groep</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="132"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="132"/>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="135"/>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="138"/>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="169"/>
        <source>No group yet</source>
        <translation>Nog geen groep</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/main_window.py" line="170"/>
        <source>This laptop does not hold a group yet. It arrives with the first sync with the organisation server.</source>
        <translation>Op deze laptop staat nog geen groep. Die komt binnen bij de eerste synchronisatie met de organisatieserver.</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="77"/>
        <source>Edit meeting</source>
        <translation>Bijeenkomst bewerken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="77"/>
        <source>New meeting</source>
        <translation>Nieuwe bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="103"/>
        <source>Draft status</source>
        <translation>Status van het concept</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="111"/>
        <source>Your unsaved changes from last time are back. Save them, or discard the draft to start over.</source>
        <translation>Je niet-opgeslagen wijzigingen van de vorige keer zijn terug. Sla ze op, of gooi het concept weg om opnieuw te beginnen.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="114"/>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="115"/>
        <source>Discard draft</source>
        <translation>Concept weggooien</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="127"/>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="148"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="129"/>
        <source>e.g. Buurtcentrum De Dreef</source>
        <translation>bijv. Buurtcentrum De Dreef</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="130"/>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="148"/>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="133"/>
        <source>What did the group do?</source>
        <translation>Wat heeft de groep gedaan?</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="134"/>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="157"/>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="138"/>
        <source>How did the meeting go as a whole?</source>
        <translation>Hoe ging de bijeenkomst als geheel?</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="139"/>
        <source>Meeting notes</source>
        <translation>Notities bij de bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="143"/>
        <source>Meeting</source>
        <translation>Bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="158"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="167"/>
        <source>Who was there?</source>
        <translation>Wie waren er?</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="168"/>
        <source>Select all</source>
        <translation>Alles selecteren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="169"/>
        <source>Select everyone</source>
        <translation>Iedereen selecteren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="202"/>
        <source>Observations and challenges</source>
        <translation>Observaties en uitdagingen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="204"/>
        <source>Attendees</source>
        <translation>Aanwezigen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="207"/>
        <source>Tick who was present. For each of them you can then note what you observed and how their challenges went.</source>
        <translation>Vink aan wie er waren. Per jongere kun je daarna noteren wat je hebt geobserveerd en hoe het met de uitdagingen ging.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="220"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="221"/>
        <source>Close without saving; your draft is kept (Esc)</source>
        <translation>Sluiten zonder opslaan; je concept blijft bewaard (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="223"/>
        <source>Save meeting</source>
        <translation>Bijeenkomst opslaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="225"/>
        <source>Save the meeting (Ctrl+S)</source>
        <translation>Bijeenkomst opslaan (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="263"/>
        <source>intake</source>
        <translation>intake</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="265"/>
        <source>%1 was present</source>
        <translation>%1 was aanwezig</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="302"/>
        <source>Meeting of %1</source>
        <translation>Bijeenkomst van %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="342"/>
        <source>%1 of %2 present</source>
        <translation>%1 van %2 aanwezig</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="354"/>
        <source>Observations and challenge attempts of %1</source>
        <translation>Observaties en pogingen van %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="377"/>
        <source>Unsaved changes</source>
        <translation>Niet-opgeslagen wijzigingen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="398"/>
        <source>Draft kept in the vault at %1</source>
        <translation>Concept om %1 in de kluis bewaard</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="416"/>
        <source>Draft discarded</source>
        <translation>Concept weggegooid</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="451"/>
        <source>Not saved yet: please look at the fields marked in red.</source>
        <translation>Nog niet opgeslagen: kijk even naar de rood gemarkeerde velden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/editor.py" line="475"/>
        <source>Saving…</source>
        <translation>Bezig met opslaan…</translation>
    </message>
</context>
<context>
    <name>MeetingsTableModel</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/model.py" line="67"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/model.py" line="67"/>
        <source>Place</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/model.py" line="67"/>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/model.py" line="68"/>
        <source>Present</source>
        <translation>Aanwezig</translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="38"/>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="80"/>
        <source>Meetings</source>
        <translation>Bijeenkomsten</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="53"/>
        <source>Meeting</source>
        <translation>Bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="58"/>
        <source>Meeting details</source>
        <translation>Details van de bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="71"/>
        <source>New meeting</source>
        <translation>Nieuwe bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="73"/>
        <source>Record a new meeting (Ctrl+N)</source>
        <translation>Nieuwe bijeenkomst vastleggen (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="75"/>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="76"/>
        <source>Edit the selected meeting</source>
        <translation>Gekozen bijeenkomst bewerken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="81"/>
        <source>Every meeting of the group, newest first.</source>
        <translation>Alle bijeenkomsten van de groep, nieuwste eerst.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="159"/>
        <source>Choose a meeting to see its notes.</source>
        <translation>Kies een bijeenkomst om de notities te zien.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="169"/>
        <source>Present (%n)</source>
        <translation>
            <numerusform>Aanwezig (%n)</numerusform>
            <numerusform>Aanwezig (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="166"/>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/view.py" line="168"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
</context>
<context>
    <name>MentionEditor</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/mention_editor.py" line="39"/>
        <source>Edit the text</source>
        <translation>Tekst bewerken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/mention_editor.py" line="43"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/mention_editor.py" line="45"/>
        <source>[name removed]</source>
        <translation>[naam verwijderd]</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/mention_editor.py" line="46"/>
        <location filename="../../src/joinus_desktop/ui/reports/mention_editor.py" line="50"/>
        <source>Replace the name with</source>
        <translation>Vervang de naam door</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/mention_editor.py" line="47"/>
        <source>Replace the name</source>
        <translation>Naam vervangen</translation>
    </message>
</context>
<context>
    <name>NotStored</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="54"/>
        <source>A youngster</source>
        <translation>Een jongere</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="55"/>
        <source>A meeting</source>
        <translation>Een bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="56"/>
        <source>An attendance</source>
        <translation>Een aanwezigheid</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="57"/>
        <source>An observation</source>
        <translation>Een observatie</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="58"/>
        <source>A challenge</source>
        <translation>Een uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="59"/>
        <source>A challenge attempt</source>
        <translation>Een poging bij een uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="60"/>
        <source>A questionnaire</source>
        <translation>Een vragenlijst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="61"/>
        <source>A group</source>
        <translation>Een groep</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="62"/>
        <source>A conflict</source>
        <translation>Een conflict</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="64"/>
        <source>A record of a kind this version of the app does not know</source>
        <translation>Een soort gegevens die deze versie van de app niet kent</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="72"/>
        <source>%1: the number is too large to store.</source>
        <translation>%1: het getal is te groot om op te slaan.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="73"/>
        <source>%1: this version of the app does not know this field.</source>
        <translation>%1: dit veld kent deze versie van de app niet.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="75"/>
        <source>This version of the app does not know this kind of record.</source>
        <translation>Dit soort gegevens kent deze versie van de app niet.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="76"/>
        <source>Its reference (id) is not valid.</source>
        <translation>De verwijzing (id) is ongeldig.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="77"/>
        <source>Its time stamp cannot be read.</source>
        <translation>Het tijdstempel is onleesbaar.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="78"/>
        <source>It was made on a device whose clock was far ahead: its time stamp lies after the organisation server&apos;s clock. This laptop&apos;s clock is not the problem.</source>
        <translation>Het is gemaakt op een apparaat waarvan de klok ver vooruit stond: het tijdstempel ligt na de klok van de server van de organisatie. De klok van deze laptop is niet het probleem.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="81"/>
        <source>This laptop could not store it.</source>
        <translation>Deze laptop kon het niet opslaan.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="91"/>
        <source>%1: this value cannot be stored here.</source>
        <translation>%1: deze waarde kan hier niet worden opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="156"/>
        <source>This laptop&apos;s clock was ahead when this change was made, so the organisation server refused it. Set this laptop&apos;s date and time correctly, then choose Try again.</source>
        <translation>De klok van deze laptop stond vooruit toen deze wijziging werd gemaakt, daarom weigerde de server van de organisatie haar. Zet de datum en tijd van deze laptop goed en kies dan Opnieuw proberen.</translation>
    </message>
</context>
<context>
    <name>NotStoredCard</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="113"/>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="116"/>
        <source>Not stored on this laptop: %1</source>
        <translation>Niet opgeslagen op deze laptop: %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="126"/>
        <source>This is missing on this laptop. The rest of the sync went ahead as usual.</source>
        <translation>Dit ontbreekt op deze laptop. De rest van de synchronisatie ging gewoon door.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="129"/>
        <source>The field named above keeps its previous value on this laptop. The rest of the sync went ahead as usual.</source>
        <translation>Het genoemde veld houdt op deze laptop zijn vorige waarde. De rest van de synchronisatie ging gewoon door.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="132"/>
        <source>Ask the colleague who made it to set the date and time of their device correctly and to enter it again.</source>
        <translation>Vraag de collega die het maakte de datum en tijd van het eigen apparaat goed te zetten en het opnieuw in te voeren.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="135"/>
        <source>Ask the colleague who made it to enter it again, or tell your coordinator.</source>
        <translation>Vraag de collega die het maakte het opnieuw in te voeren, of meld het bij je coördinator.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="138"/>
        <source>Made on %1.</source>
        <translation>Gemaakt op %1.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="142"/>
        <source>Dismiss</source>
        <translation>Gezien</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/not_stored.py" line="143"/>
        <source>Remove this message from the list</source>
        <translation>Deze melding uit de lijst halen</translation>
    </message>
</context>
<context>
    <name>ObservationEntry</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="89"/>
        <source>Observation</source>
        <translation>Observatie</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="92"/>
        <source>What did you see? e.g. “refused to join the game, went to the corner with his phone”</source>
        <translation>Wat zag je? bijv. ‘wilde niet meedoen met het spel, ging met zijn telefoon in de hoek zitten’</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="94"/>
        <source>What you observed of %1</source>
        <translation>Wat je bij %1 hebt geobserveerd</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="96"/>
        <source>Context: during which activity, with whom?</source>
        <translation>Context: tijdens welke activiteit, met wie?</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="97"/>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="101"/>
        <source>Suspected cause</source>
        <translation>Vermoedelijke oorzaak</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="110"/>
        <source>Skill or belief</source>
        <translation>Vaardigheid of gedachte</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="115"/>
        <source>Foundation</source>
        <translation>Basis</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="116"/>
        <source>Aims</source>
        <translation>Doelen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="124"/>
        <source>Method tag %1</source>
        <translation>Methodelabel %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="170"/>
        <source>Which skill? e.g. “joining in a conversation”</source>
        <translation>Welke vaardigheid? bijv. ‘aansluiten bij een gesprek’</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="172"/>
        <source>Which belief? e.g. “others will laugh if I make a mistake”</source>
        <translation>Welke gedachte? bijv. ‘anderen lachen me uit als ik een fout maak’</translation>
    </message>
</context>
<context>
    <name>PassphraseCard</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="28"/>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="30"/>
        <source>Current passphrase</source>
        <translation>Huidige wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="31"/>
        <source>New passphrase</source>
        <translation>Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="32"/>
        <source>New passphrase again</source>
        <translation>Nieuwe wachtwoordzin nogmaals</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="36"/>
        <source>Passphrase strength</source>
        <translation>Sterkte van de wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="39"/>
        <source>Passphrase message</source>
        <translation>Melding over de wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="41"/>
        <source>C&amp;hange passphrase</source>
        <translation>Wachtwoordzin &amp;wijzigen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="45"/>
        <source>C&amp;urrent</source>
        <translation>H&amp;uidige</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="46"/>
        <source>&amp;New</source>
        <translation>&amp;Nieuwe</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="47"/>
        <source>&amp;Repeat new</source>
        <translation>Nieuwe &amp;herhalen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="68"/>
        <source>At least %1 characters; a few unrelated words are easiest to remember.</source>
        <translation>Minstens %1 tekens; een paar losse woorden zijn het makkelijkst te onthouden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="73"/>
        <source>The two new passphrases differ.</source>
        <translation>De twee nieuwe wachtwoordzinnen zijn niet gelijk.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="87"/>
        <source>Changing the passphrase…</source>
        <translation>Bezig met wijzigen van de wachtwoordzin…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="95"/>
        <source>The passphrase is changed. Use the new one from now on; the recovery key still works.</source>
        <translation>De wachtwoordzin is gewijzigd. Gebruik voortaan de nieuwe; de herstelsleutel blijft werken.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/passphrase.py" line="101"/>
        <source>The current passphrase is not right.</source>
        <translation>De huidige wachtwoordzin klopt niet.</translation>
    </message>
</context>
<context>
    <name>PassphraseWords</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="24"/>
        <source>Too short</source>
        <translation>Te kort</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="26"/>
        <source>Too weak</source>
        <translation>Te zwak</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="27"/>
        <source>Strong</source>
        <translation>Sterk</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="27"/>
        <source>Good</source>
        <translation>Goed</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="42"/>
        <source>A passphrase needs at least %1 characters.</source>
        <translation>Een wachtwoordzin heeft minstens %1 tekens nodig.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="44"/>
        <source>This is a common password, or very close to one.</source>
        <translation>Dit is een veelgebruikt wachtwoord, of lijkt daar sterk op.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="45"/>
        <source>It is built on words that go with this app, which a guesser tries first.</source>
        <translation>Hij is gemaakt van woorden die bij deze app horen; die probeert iemand die raadt als eerste.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="47"/>
        <source>Names are easy to guess.</source>
        <translation>Namen zijn makkelijk te raden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="48"/>
        <source>One or two common words are easy to guess.</source>
        <translation>Eén of twee gewone woorden zijn makkelijk te raden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="49"/>
        <source>Rows and patterns on the keyboard are easy to guess.</source>
        <translation>Rijen en patronen op het toetsenbord zijn makkelijk te raden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="50"/>
        <source>Repeated characters or words are easy to guess.</source>
        <translation>Herhaalde tekens of woorden zijn makkelijk te raden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="51"/>
        <source>Sequences like abc or 6543 are easy to guess.</source>
        <translation>Reeksen zoals abc of 6543 zijn makkelijk te raden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="52"/>
        <source>Years and dates are easy to guess.</source>
        <translation>Jaartallen en datums zijn makkelijk te raden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="53"/>
        <source>It is too short and simple to resist guessing.</source>
        <translation>Hij is te kort en te eenvoudig: hij is snel geraden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="58"/>
        <source>Add a word or two: four or more unrelated words are strong and easy to remember.</source>
        <translation>Voeg een woord of twee toe: vier of meer losse woorden die niet bij elkaar horen zijn sterk en makkelijk te onthouden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="66"/>
        <source>Too weak: %1 %2</source>
        <translation>Te zwak: %1 %2</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="73"/>
        <source>Strong.</source>
        <translation>Sterk.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="73"/>
        <source>Good.</source>
        <translation>Goed.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/passphrase_words.py" line="78"/>
        <source>Too many wrong tries. You can try again in %1 s.</source>
        <translation>Te veel verkeerde pogingen. Over %1 s kun je het opnieuw proberen.</translation>
    </message>
</context>
<context>
    <name>PrivacyCard</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="39"/>
        <source>Privacy</source>
        <translation>Privacy</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="47"/>
        <source>Consent not recorded</source>
        <translation>Geen toestemming vastgelegd</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="51"/>
        <source>Due for erasure</source>
        <translation>Klaar om te wissen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="62"/>
        <source>Export scores for research (CSV)…</source>
        <translation>Scores voor onderzoek exporteren (CSV)…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="64"/>
        <source>Pseudonymised questionnaire scores: no names, no notes.</source>
        <translation>Gepseudonimiseerde scores van vragenlijsten: geen namen, geen notities.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="81"/>
        <source>No consent recorded: %1</source>
        <translation>Geen toestemming vastgelegd: %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="83"/>
        <source>Record the youngster&apos;s consent (and a parent&apos;s under 16) with Edit.</source>
        <translation>Leg de toestemming van de jongere (en onder de 16 die van een ouder) vast via Bewerken.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="85"/>
        <source>Consent is recorded for everyone.</source>
        <translation>Van iedereen is toestemming vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="91"/>
        <source>left %1</source>
        <translation>uitgestroomd %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="93"/>
        <source>Erase…</source>
        <translation>Wissen…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="96"/>
        <source>For erasure: left the programme more than %1 months ago.</source>
        <translation>Te wissen: meer dan %1 maanden geleden uitgestroomd.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="99"/>
        <source>Nobody is due for erasure.</source>
        <translation>Er hoeft niemand gewist te worden.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="129"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/privacy_card.py" line="135"/>
        <source>Saved to %1.</source>
        <translation>Opgeslagen in %1.</translation>
    </message>
</context>
<context>
    <name>ProgrammeModel</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="40"/>
        <source>fewer than 5 youngsters</source>
        <translation>minder dan 5 jongeren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="44"/>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="52"/>
        <source>Moment</source>
        <translation>Meetmoment</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="44"/>
        <source>Youngsters
programme</source>
        <translation>Jongeren
programma</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="45"/>
        <source>Youngsters
own group</source>
        <translation>Jongeren
eigen groep</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="47"/>
        <source>%1
programme</source>
        <translation>%1
programma</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="48"/>
        <source>%1
own group</source>
        <translation>%1
eigen groep</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="52"/>
        <source>Youngsters</source>
        <translation>Jongeren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="99"/>
        <source>your group</source>
        <translation>jouw groep</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/model.py" line="103"/>
        <source>fewer than 5</source>
        <translation>minder dan 5</translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="65"/>
        <source>Programme and own group mean scores per moment</source>
        <translation>Gemiddelde scores van het programma en de eigen groep per meetmoment</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="84"/>
        <source>Report date</source>
        <translation>Datum rapportage</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="85"/>
        <source>Fetch latest report</source>
        <translation>Nieuwste rapportage ophalen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="87"/>
        <source>Export chart (PNG)…</source>
        <translation>Grafiek exporteren (PNG)…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="89"/>
        <source>Export table (CSV)…</source>
        <translation>Tabel exporteren (CSV)…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="99"/>
        <source>Mean scores per measurement moment</source>
        <translation>Gemiddelde scores per meetmoment</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="101"/>
        <source>A figure over fewer than 5 youngsters is never shown, nor one that would give away such a figure when your group&apos;s is subtracted (–), so no youngster can be recognised.</source>
        <translation>Een cijfer over minder dan 5 jongeren wordt nooit getoond, en ook geen cijfer dat zo&apos;n cijfer verraadt als je dat van je eigen groep ervan aftrekt (–). Zo is geen jongere te herkennen.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="110"/>
        <source>The programme over time, with your group</source>
        <translation>Het programma door de tijd, met je groep</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="116"/>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="215"/>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="117"/>
        <source>How youngsters across the Join Us programme score at each measurement moment, beside your own group.</source>
        <translation>Hoe jongeren in het hele Join Us-programma scoren op elk meetmoment, naast je eigen groep.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="128"/>
        <source>Saved to %1.</source>
        <translation>Opgeslagen in %1.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="183"/>
        <source>Report of %1</source>
        <translation>Rapportage van %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="185"/>
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n groep</numerusform>
            <numerusform>%n groepen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="188"/>
        <source>the server cannot be reached now; this is the last report fetched</source>
        <translation>de server is nu niet bereikbaar; dit is de laatst opgehaalde rapportage</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="191"/>
        <source>this laptop is not connected to the organisation server; this is the last report fetched</source>
        <translation>deze laptop is niet verbonden met de organisatieserver; dit is het laatst opgehaalde overzicht</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="194"/>
        <source>No programme report yet: it arrives once this laptop is connected to the organisation server. Your own group is shown meanwhile.</source>
        <translation>Nog geen rapportage van het programma: die komt zodra deze laptop verbonden is met de organisatieserver. Intussen zie je je eigen groep.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="197"/>
        <source>No programme report yet. Your own group is shown meanwhile.</source>
        <translation>Nog geen rapportage van het programma. Intussen zie je je eigen groep.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="207"/>
        <source>%n youngster(s)</source>
        <translation>
            <numerusform>%n jongere</numerusform>
            <numerusform>%n jongeren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="219"/>
        <source>Your group</source>
        <translation>Je groep</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="235"/>
        <source>PNG image (*.png)</source>
        <translation>PNG-afbeelding (*.png)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/programme/view.py" line="245"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Questionnaire</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/__init__.py" line="91"/>
        <source>Questionnaire saved</source>
        <translation>Vragenlijst opgeslagen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/__init__.py" line="92"/>
        <source>The answers are saved. The scores:</source>
        <translation>De antwoorden zijn opgeslagen. De scores:</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/__init__.py" line="94"/>
        <source>no score</source>
        <translation>geen score</translation>
    </message>
</context>
<context>
    <name>QuestionnaireDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="47"/>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="50"/>
        <source>Questionnaire</source>
        <translation>Vragenlijst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="53"/>
        <source>Measurement moment</source>
        <translation>Meetmoment</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="56"/>
        <source>Date filled in</source>
        <translation>Datum ingevuld</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="59"/>
        <source>&amp;Moment</source>
        <translation>&amp;Meetmoment</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="60"/>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="70"/>
        <source>Scale scores</source>
        <translation>Schaalscores</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="78"/>
        <source>&amp;Hand over to the youngster…</source>
        <translation>Aan de jongere &amp;geven…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="79"/>
        <source>Hand the laptop over to the youngster</source>
        <translation>De laptop aan de jongere geven</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="80"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="81"/>
        <source>&amp;Save</source>
        <translation>&amp;Opslaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="114"/>
        <source>Questionnaire — %1</source>
        <translation>Vragenlijst — %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="120"/>
        <source>%1 (due)</source>
        <translation>%1 (nu aan de beurt)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="159"/>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="168"/>
        <source>Questions not answered</source>
        <translation>Vragen niet beantwoord</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="160"/>
        <source>%n question(s) are not answered; they are marked in orange.</source>
        <translation>
            <numerusform>%n vraag is niet beantwoord; die is oranje gemarkeerd.</numerusform>
            <numerusform>%n vragen zijn niet beantwoord; die zijn oranje gemarkeerd.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="164"/>
        <source>Save anyway, or go back and fill them in?</source>
        <translation>Toch opslaan, of teruggaan om ze in te vullen?</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="165"/>
        <source>Save anyway</source>
        <translation>Toch opslaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="166"/>
        <source>Go back</source>
        <translation>Teruggaan</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="193"/>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="197"/>
        <source>no score</source>
        <translation>geen score</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/questionnaire/form.py" line="196"/>
        <source>Saved. The scores of this questionnaire:</source>
        <translation>Opgeslagen. De scores van deze vragenlijst:</translation>
    </message>
</context>
<context>
    <name>RecoveryPanel</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="282"/>
        <source>Enter the recovery key you wrote down when this laptop was set up, and choose a new passphrase.</source>
        <translation>Vul de herstelsleutel in die je hebt opgeschreven toen deze laptop werd ingesteld, en kies een nieuwe wachtwoordzin.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="287"/>
        <source>Recovery key</source>
        <translation>Herstelsleutel</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="291"/>
        <source>New passphrase</source>
        <translation>Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="294"/>
        <source>New passphrase again</source>
        <translation>Nieuwe wachtwoordzin nogmaals</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="299"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="300"/>
        <source>&amp;Recover and open</source>
        <translation>&amp;Herstellen en openen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="303"/>
        <source>Recovery &amp;key</source>
        <translation>Herstel&amp;sleutel</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="304"/>
        <source>&amp;New passphrase</source>
        <translation>&amp;Nieuwe wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="305"/>
        <source>&amp;Repeat</source>
        <translation>&amp;Herhalen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="322"/>
        <source>Enter the recovery key.</source>
        <translation>Vul de herstelsleutel in.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="326"/>
        <source>The two new passphrases differ.</source>
        <translation>De twee nieuwe wachtwoordzinnen zijn niet gelijk.</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="174"/>
        <source>Review sync results</source>
        <translation>Synchronisatie nakijken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="186"/>
        <source>You and a colleague changed the same thing while offline. Nothing was lost: choose what stays, or combine both. Your choice reaches the whole group.</source>
        <translation>Jij en een collega hebben offline hetzelfde gewijzigd. Er is niets verloren gegaan: kies wat blijft, of voeg beide samen. Je keuze geldt voor de hele groep.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="213"/>
        <source>Nothing to review.</source>
        <translation>Niets om na te kijken.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="242"/>
        <source>Refused by the server: %1 (%2)</source>
        <translation>Geweigerd door de server: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="245"/>
        <source>Try again</source>
        <translation>Opnieuw proberen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/conflicts.py" line="246"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/app.py" line="129"/>
        <source>Locked after %n minute(s) without use.</source>
        <translation>
            <numerusform>Vergrendeld na %n minuut zonder gebruik.</numerusform>
            <numerusform>Vergrendeld na %n minuten zonder gebruik.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/app.py" line="154"/>
        <source>Join Us is locked.</source>
        <translation>Join Us is vergrendeld.</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="38"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="43"/>
        <source>Lock after minutes without use</source>
        <translation>Vergrendelen na aantal minuten zonder gebruik</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="46"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="50"/>
        <source>&amp;Lock now</source>
        <translation>Nu &amp;vergrendelen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="51"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>Nu vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="54"/>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="58"/>
        <source>La&amp;nguage</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="63"/>
        <source>Lock &amp;after</source>
        <translation>Vergrendelen &amp;na</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="67"/>
        <source>Without use for this long, the app hides everything and asks for the passphrase again. Unsaved input is kept.</source>
        <translation>Na zo lang zonder gebruik verbergt de app alles en vraagt opnieuw om de wachtwoordzin. Wat je nog niet hebt opgeslagen, blijft bewaard.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="76"/>
        <source>This laptop</source>
        <translation>Deze laptop</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="80"/>
        <source>Data folder</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="81"/>
        <source>Encryption (SQLCipher)</source>
        <translation>Versleuteling (SQLCipher)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="82"/>
        <source>Database version</source>
        <translation>Databaseversie</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="83"/>
        <source>Device id</source>
        <translation>Apparaat-id</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="84"/>
        <source>Changes waiting to sync</source>
        <translation>Nog te synchroniseren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="91"/>
        <source>&amp;Open folder</source>
        <translation>Map &amp;openen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="92"/>
        <source>Open the data folder</source>
        <translation>De gegevensmap openen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/settings/view.py" line="111"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="27"/>
        <source>Sync status</source>
        <translation>Synchronisatiestatus</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="54"/>
        <source>This laptop&apos;s clock is ahead of the server&apos;s: set this laptop&apos;s date and time correctly</source>
        <translation>De klok van deze laptop loopt voor op de server: zet de datum en tijd van deze laptop goed</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="56"/>
        <source>This laptop&apos;s clock is behind the server&apos;s: set this laptop&apos;s date and time correctly</source>
        <translation>De klok van deze laptop loopt achter op de server: zet de datum en tijd van deze laptop goed</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="64"/>
        <source>Not connected to the organisation server</source>
        <translation>Niet verbonden met de organisatieserver</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="65"/>
        <source>Connected</source>
        <translation>Verbonden</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="66"/>
        <source>Syncing…</source>
        <translation>Bezig met synchroniseren…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="67"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="68"/>
        <source>Offline: the server cannot be reached</source>
        <translation>Offline: de server is niet bereikbaar</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="69"/>
        <source>Sync problem</source>
        <translation>Probleem met synchroniseren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="70"/>
        <source>This laptop&apos;s access was revoked</source>
        <translation>De toegang van deze laptop is ingetrokken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="77"/>
        <source>this laptop&apos;s clock was ahead: set its date and time correctly, then review</source>
        <translation>de klok van deze laptop stond vooruit: zet de datum en tijd goed en kijk dan de synchronisatie na</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="80"/>
        <source>last sync %1</source>
        <translation>laatst gesynchroniseerd %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="82"/>
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n wijziging wacht</numerusform>
            <numerusform>%n wijzigingen wachten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="85"/>
        <source>next try in %1 s</source>
        <translation>volgende poging over %1 s</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="87"/>
        <source>new organisation key refused</source>
        <translation>nieuwe organisatiesleutel geweigerd</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="93"/>
        <source>The organisation server offers a new organisation key that is not signed by the key this laptop received at enrolment. This laptop refused it: your vault can still be recovered only with the organisation key it trusts, and your records keep syncing. Tell your coordinator.</source>
        <translation>De organisatieserver biedt een nieuwe organisatiesleutel aan die niet is ondertekend met de sleutel die deze laptop bij het koppelen kreeg. Deze laptop heeft hem geweigerd: je kluis is alleen te herstellen met de organisatiesleutel die hij vertrouwt, en je gegevens worden gewoon gesynchroniseerd. Meld dit bij je coördinator.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="100"/>
        <source>%n item(s) to review</source>
        <translation>
            <numerusform>%n item om na te kijken</numerusform>
            <numerusform>%n items om na te kijken</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="102"/>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/sync/status.py" line="102"/>
        <source>Connect…</source>
        <translation>Verbinden…</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/timeline.py" line="30"/>
        <source>Meeting</source>
        <translation>Bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/timeline.py" line="30"/>
        <source>Observation</source>
        <translation>Observatie</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/timeline.py" line="31"/>
        <source>Challenge attempt</source>
        <translation>Poging bij uitdaging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/timeline.py" line="31"/>
        <source>Questionnaire</source>
        <translation>Vragenlijst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/timeline.py" line="94"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/timeline.py" line="94"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/timeline.py" line="94"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="38"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="41"/>
        <source>Next meeting</source>
        <translation>Volgende bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="43"/>
        <source>Last meeting</source>
        <translation>Vorige bijeenkomst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="45"/>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="47"/>
        <source>Questionnaires due</source>
        <translation>Vragenlijsten aan de beurt</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="52"/>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="54"/>
        <source>Active challenges</source>
        <translation>Actieve uitdagingen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="111"/>
        <source>%n youngster(s) present</source>
        <translation>
            <numerusform>%n jongere aanwezig</numerusform>
            <numerusform>%n jongeren aanwezig</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="116"/>
        <source>Fill in…</source>
        <translation>Invullen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="134"/>
        <source>and %n more…</source>
        <translation>
            <numerusform>en nog %n…</numerusform>
            <numerusform>en nog %n…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="147"/>
        <source>No meeting planned yet.</source>
        <translation>Nog geen bijeenkomst gepland.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="149"/>
        <source>No meeting recorded yet.</source>
        <translation>Nog geen bijeenkomst vastgelegd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="168"/>
        <source>in %n meeting(s)</source>
        <translation>
            <numerusform>over %n bijeenkomst</numerusform>
            <numerusform>over %n bijeenkomsten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="177"/>
        <source>%n attempt(s)</source>
        <translation>
            <numerusform>%n poging</numerusform>
            <numerusform>%n pogingen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="155"/>
        <source>overdue</source>
        <translation>te laat</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="156"/>
        <source>due</source>
        <translation>nu aan de beurt</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="162"/>
        <source>Nobody needs a questionnaire right now.</source>
        <translation>Er hoeft nu niemand een vragenlijst in te vullen.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="165"/>
        <source>Coming up</source>
        <translation>Binnenkort</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/today/view.py" line="186"/>
        <source>No active challenges.</source>
        <translation>Geen actieve uitdagingen.</translation>
    </message>
</context>
<context>
    <name>TrajectoryChart</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="56"/>
        <source>Trajectory chart</source>
        <translation>Grafiek van het verloop</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="62"/>
        <source>Chart legend</source>
        <translation>Legenda van de grafiek</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="109"/>
        <source>This youngster</source>
        <translation>Deze jongere</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="187"/>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="214"/>
        <source>Group mean</source>
        <translation>Groepsgemiddelde</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="206"/>
        <source>Measurement moment</source>
        <translation>Meetmoment</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="219"/>
        <source>Cut-off bands</source>
        <translation>Afkappunten</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="220"/>
        <source>Hover a point for its score, moment and band.</source>
        <translation>Wijs een punt aan voor de score, het meetmoment en het gebied.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="240"/>
        <source>higher is better</source>
        <translation>hoger is beter</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="241"/>
        <source>higher is worse</source>
        <translation>hoger is slechter</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="246"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/charts/trajectory.py" line="70"/>
        <source>No questionnaire filled in yet.</source>
        <translation>Nog geen vragenlijst ingevuld.</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="58"/>
        <source>Join Us — unlock</source>
        <translation>Join Us — ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="64"/>
        <source>Join Us</source>
        <translation>Join Us</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="66"/>
        <source>Your group&apos;s notes are encrypted on this laptop. Enter your passphrase to open them.</source>
        <translation>De notities van je groep staan versleuteld op deze laptop. Vul je wachtwoordzin in om ze te openen.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="74"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="77"/>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="83"/>
        <source>Unlock message</source>
        <translation>Melding bij ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="89"/>
        <source>Wait before the next try</source>
        <translation>Wachten voor de volgende poging</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="100"/>
        <source>Opening the vault</source>
        <translation>Kluis wordt geopend</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="102"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="105"/>
        <source>Open the vault</source>
        <translation>De kluis openen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="106"/>
        <source>&amp;Forgot passphrase?</source>
        <translation>Wachtwoordzin &amp;vergeten?</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="108"/>
        <source>Forgot passphrase? Use the recovery key</source>
        <translation>Wachtwoordzin vergeten? Gebruik de herstelsleutel</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/screenshots.py" line="71"/>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="136"/>
        <source>Vault: %1</source>
        <translation>Kluis: %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="205"/>
        <source>Enter your passphrase.</source>
        <translation>Vul je wachtwoordzin in.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/unlock.py" line="224"/>
        <source>That passphrase does not open this vault. Check Caps Lock and try again.</source>
        <translation>Met deze wachtwoordzin gaat de kluis niet open. Controleer Caps Lock en probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/screenshots.py" line="346"/>
        <source>Locked after 10 minutes without use.</source>
        <translation>Vergrendeld na 10 minuten zonder gebruik.</translation>
    </message>
</context>
<context>
    <name>YoungsterDetailPane</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="85"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="175"/>
        <source>Choose a youngster</source>
        <translation>Kies een jongere</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="90"/>
        <source>Edit</source>
        <translation>Bewerken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="91"/>
        <source>Edit youngster</source>
        <translation>Jongere bewerken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="93"/>
        <source>Exit programme…</source>
        <translation>Uitstroom…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="94"/>
        <source>Record leaving the programme</source>
        <translation>Uitstroom uit het programma vastleggen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="97"/>
        <source>Report…</source>
        <translation>Rapportage…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="99"/>
        <source>Make a PDF report of this youngster</source>
        <translation>Een pdf-rapportage van deze jongere maken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="101"/>
        <source>Export all data (right of access)…</source>
        <translation>Alle gegevens exporteren (recht op inzage)…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="104"/>
        <source>Questionnaire…</source>
        <translation>Vragenlijst…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="105"/>
        <source>Enter a questionnaire</source>
        <translation>Een vragenlijst invoeren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="108"/>
        <source>Hand over to the youngster…</source>
        <translation>Aan de jongere geven…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="110"/>
        <source>Hand the laptop over to the youngster for the questionnaire</source>
        <translation>De laptop aan de jongere geven voor de vragenlijst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="122"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="138"/>
        <source>Timeline</source>
        <translation>Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="135"/>
        <source>Youngster details</source>
        <translation>Gegevens van de jongere</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="136"/>
        <source>Trajectory</source>
        <translation>Verloop</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="137"/>
        <source>Challenges</source>
        <translation>Uitdagingen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="176"/>
        <source>Their trajectory, challenges and timeline appear here.</source>
        <translation>Hier verschijnen het verloop, de uitdagingen en de tijdlijn.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="195"/>
        <source>%1 years</source>
        <translation>%1 jaar</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="197"/>
        <source>intake %1</source>
        <translation>intake %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="199"/>
        <source>left %1</source>
        <translation>uitgestroomd %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="211"/>
        <source>No consent recorded: record it with Edit.</source>
        <translation>Geen toestemming vastgelegd: leg die vast via Bewerken.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/detail.py" line="212"/>
        <source>Under 16 at intake: no consent of a parent or guardian recorded.</source>
        <translation>Onder de 16 bij de intake: geen toestemming van een ouder of voogd vastgelegd.</translation>
    </message>
</context>
<context>
    <name>YoungsterDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="131"/>
        <source>Edit youngster</source>
        <translation>Jongere bewerken</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="131"/>
        <source>Add youngster</source>
        <translation>Jongere toevoegen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="138"/>
        <source>First name or nickname</source>
        <translation>Voornaam of bijnaam</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="139"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="161"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="142"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="144"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="162"/>
        <source>Birth year</source>
        <translation>Geboortejaar</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="145"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="163"/>
        <source>Intake date</source>
        <translation>Intakedatum</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="147"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="164"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="153"/>
        <source>The youngster consented</source>
        <translation>De jongere heeft toestemming gegeven</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="155"/>
        <source>A parent or guardian consented</source>
        <translation>Een ouder of voogd heeft toestemming gegeven</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="157"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="172"/>
        <source>Consent date</source>
        <translation>Datum toestemming</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/dialogs.py" line="171"/>
        <source>Consent</source>
        <translation>Toestemming</translation>
    </message>
</context>
<context>
    <name>YoungsterReportDialog</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="42"/>
        <source>Report of %1</source>
        <translation>Rapportage van %1</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="43"/>
        <source>Language of the report</source>
        <translation>Taal van de rapportage</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="44"/>
        <source>Include observations</source>
        <translation>Observaties opnemen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="45"/>
        <source>Observations are detailed notes: include them only when the conversation needs them.</source>
        <translation>Observaties zijn gedetailleerde notities: neem ze alleen op als het gesprek erom vraagt.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="47"/>
        <source>A PDF with the period in the programme, attendance, challenges and the trajectory, for the exit conversation or a handover.</source>
        <translation>Een pdf met de periode in het programma, de aanwezigheid, de uitdagingen en het verloop, voor het uitstroomgesprek of een overdracht.</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="53"/>
        <source>Report message</source>
        <translation>Melding bij rapportage</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="55"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="58"/>
        <source>Save PDF…</source>
        <translation>Pdf opslaan…</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="99"/>
        <source>PDF (*.pdf)</source>
        <translation>Pdf (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/reports/youngster_dialog.py" line="106"/>
        <source>Saved to %1. The file is not encrypted: delete it when done.</source>
        <translation>Opgeslagen in %1. Het bestand is niet versleuteld: verwijder het als je klaar bent.</translation>
    </message>
</context>
<context>
    <name>YoungstersTableModel</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/model.py" line="43"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/model.py" line="43"/>
        <source>Age</source>
        <translation>Leeftijd</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/model.py" line="43"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/model.py" line="43"/>
        <source>Intake</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/model.py" line="44"/>
        <source>Next questionnaire</source>
        <translation>Volgende vragenlijst</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/model.py" line="98"/>
        <source>%1 — overdue</source>
        <translation>%1 — te laat</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/model.py" line="100"/>
        <source>%1 — due now</source>
        <translation>%1 — nu aan de beurt</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/joinus_desktop/ui/youngsters/model.py" line="106"/>
        <source>Due in %n meeting(s)</source>
        <translation>
            <numerusform>Over %n bijeenkomst</numerusform>
            <numerusform>Over %n bijeenkomsten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>YoungstersView</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="54"/>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="79"/>
        <source>Youngsters</source>
        <translation>Jongeren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="57"/>
        <source>Search by name</source>
        <translation>Zoeken op naam</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="58"/>
        <source>Search youngsters by name</source>
        <translation>Jongeren zoeken op naam</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="61"/>
        <source>Filter by status</source>
        <translation>Filteren op status</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="62"/>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="66"/>
        <source>Questionnaire due</source>
        <translation>Vragenlijst nodig</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="67"/>
        <source>Questionnaire overdue</source>
        <translation>Vragenlijst te laat</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="105"/>
        <source>Add youngster</source>
        <translation>Jongere toevoegen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="187"/>
        <source>%1 of %2 youngsters</source>
        <translation>%1 van %2 jongeren</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="281"/>
        <source>No consent recorded</source>
        <translation>Geen toestemming vastgelegd</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/youngsters/view.py" line="282"/>
        <source>Under 16 at intake: no consent of a parent or guardian recorded</source>
        <translation>Onder de 16 bij de intake: geen toestemming van een ouder of voogd vastgelegd</translation>
    </message>
</context>
<context>
    <name>_Entry</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="57"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../src/joinus_desktop/ui/meetings/entries.py" line="59"/>
        <source>Remove %1</source>
        <translation>%1 verwijderen</translation>
    </message>
</context>
<context>
    <name>unlock</name>
    <message>
        <location filename="../../src/joinus_desktop/ui/screenshots.py" line="346"/>
        <source>Locked after 10 minutes without use.</source>
        <translation>Vergrendeld na 10 minuten zonder gebruik.</translation>
    </message>
</context>
</TS>
