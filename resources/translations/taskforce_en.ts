<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
  <context>
    <name>Taskforce</name>
    <message>
      <source>Agenda overnemen uit &amp;Word…</source>
      <translation>Take the agenda from &amp;Word…</translation>
    </message>
    <message>
      <source>De agenda van de voorzitter (.docx) inlezen, nakijken en toevoegen</source>
      <translation>Read the chair's agenda (.docx), check it and add it</translation>
    </message>
    <message>
      <source>1 agendapunt</source>
      <translation>1 agenda item</translation>
    </message>
    <message>
      <source>{0} agendapunten</source>
      <translation>{0} agenda items</translation>
    </message>
    <message>
      <source>1 minuut gepland</source>
      <translation>1 minute planned</translation>
    </message>
    <message>
      <source>{0} minuten gepland</source>
      <translation>{0} minutes planned</translation>
    </message>
    <message>
      <source>Agendapunten</source>
      <translation>Agenda items</translation>
    </message>
    <message>
      <source>&amp;Nieuw agendapunt:</source>
      <translation>&amp;New agenda item:</translation>
    </message>
    <message>
      <source>Titel van het agendapunt, Enter voegt toe</source>
      <translation>Title of the agenda item, Enter adds it</translation>
    </message>
    <message>
      <source>Toevoegen</source>
      <translation>Add</translation>
    </message>
    <message>
      <source>Taskforce Verslag kan niet starten</source>
      <translation>Taskforce Verslag cannot start</translation>
    </message>
    <message>
      <source>De gegevens in {0} kunnen niet worden geopend.

{1}

Controleer of de map bestaat en beschrijfbaar is, en of het programma niet al ergens anders openstaat.</source>
      <translation>The data in {0} cannot be opened.

{1}

Check that the folder exists and is writable, and that the program is not already open somewhere else.</translation>
    </message>
    <message>
      <source>Aanwezigheid wisselen</source>
      <translation>Toggle attendance</translation>
    </message>
    <message>
      <source>1 deelnemer</source>
      <translation>1 attendee</translation>
    </message>
    <message>
      <source>{0} deelnemers</source>
      <translation>{0} attendees</translation>
    </message>
    <message>
      <source>Deelnemers</source>
      <translation>Attendees</translation>
    </message>
    <message>
      <source>&amp;Nieuwe deelnemer:</source>
      <translation>&amp;New attendee:</translation>
    </message>
    <message>
      <source>Naam; kies een bekende persoon uit de lijst of typ een nieuwe</source>
      <translation>Name; choose a known person from the list or type a new one</translation>
    </message>
    <message>
      <source>{0}, {1} aanwezig</source>
      <translation>{0}, {1} present</translation>
    </message>
    <message>
      <source>de database is in gebruik door een ander programma</source>
      <translation>the database is in use by another program</translation>
    </message>
    <message>
      <source>de schijf is vol</source>
      <translation>the disk is full</translation>
    </message>
    <message>
      <source>Opslaan mislukt: {0}. De wijzigingen blijven bewaard en worden opnieuw geprobeerd.</source>
      <translation>Saving failed: {0}. The changes are kept and will be tried again.</translation>
    </message>
    <message>
      <source>het bestand is alleen-lezen of de map is niet beschrijfbaar</source>
      <translation>the file is read-only or the folder is not writable</translation>
    </message>
    <message>
      <source>de database kan niet worden geschreven ({0})</source>
      <translation>the database cannot be written ({0})</translation>
    </message>
    <message>
      <source>een oud Word-document (.doc)</source>
      <translation>an old Word document (.doc)</translation>
    </message>
    <message>
      <source>een PDF</source>
      <translation>a PDF</translation>
    </message>
    <message>
      <source>een RTF-document</source>
      <translation>an RTF document</translation>
    </message>
    <message>
      <source>een OpenDocument-tekst (.odt)</source>
      <translation>an OpenDocument text (.odt)</translation>
    </message>
    <message>
      <source>Agenda overnemen uit Word</source>
      <translation>Take the agenda from Word</translation>
    </message>
    <message>
      <source>Word-document (*.docx);;Alle bestanden (*)</source>
      <translation>Word document (*.docx);;All files (*)</translation>
    </message>
    <message>
      <source>{0} MB</source>
      <translation>{0} MB</translation>
    </message>
    <message>
      <source>geen tijd</source>
      <translation>no time</translation>
    </message>
    <message>
      <source>Herkende agendapunten</source>
      <translation>Recognised agenda items</translation>
    </message>
    <message>
      <source>Toe&amp;lichting bij het gekozen punt:</source>
      <translation>&amp;Explanation of the chosen item:</translation>
    </message>
    <message>
      <source>Toelichting bij het gekozen punt</source>
      <translation>Explanation of the chosen item</translation>
    </message>
    <message>
      <source>Niet herkend</source>
      <translation>Not recognised</translation>
    </message>
    <message>
      <source>&amp;Niet herkend:</source>
      <translation>&amp;Not recognised:</translation>
    </message>
    <message>
      <source>Deze regels staan vóór het eerste agendapunt en horen bij geen punt. Neem over wat nodig is, bijvoorbeeld in de inleiding op het tabblad Vergadering.</source>
      <translation>These lines come before the first agenda item and belong to no item. Copy what you need, for example into the introduction on the Meeting tab.</translation>
    </message>
    <message>
      <source>Punten &amp;toevoegen</source>
      <translation>&amp;Add items</translation>
    </message>
    <message>
      <source>Annuleren</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Overnemen</source>
      <translation>Take</translation>
    </message>
    <message>
      <source>Doel</source>
      <translation>Purpose</translation>
    </message>
    <message>
      <source>Agenda uit Word wordt gelezen…</source>
      <translation>Reading the agenda from Word…</translation>
    </message>
    <message>
      <source>'{0}' kon niet worden gelezen ({1}).</source>
      <translation>'{0}' could not be read ({1}).</translation>
    </message>
    <message>
      <source>Herkend in '{0}': {1}. Verbeter wat niet klopt en vink uit wat u niet wilt; de aangevinkte punten komen na de bestaande punten, vóór Rondvraag en Sluiting.</source>
      <translation>Recognised in '{0}': {1}. Correct what is wrong and untick what you do not want; the ticked items come after the existing items, before Rondvraag and Sluiting.</translation>
    </message>
    <message>
      <source>Punten die de vergadering al heeft (zoals de opening of de sluiting) staan uit.</source>
      <translation>Items the meeting already has (such as the opening or the closing) are unticked.</translation>
    </message>
    <message>
      <source>Nr</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Titel</source>
      <translation>Title</translation>
    </message>
    <message>
      <source>Inbreng</source>
      <translation>Presenter</translation>
    </message>
    <message>
      <source>Minuten</source>
      <translation>Minutes</translation>
    </message>
    <message>
      <source>De kop van de agenda zegt iets anders over de vergadering:</source>
      <translation>The agenda's heading says otherwise about the meeting:</translation>
    </message>
    <message>
      <source>Staat al op de agenda</source>
      <translation>Already on the agenda</translation>
    </message>
    <message>
      <source>Er is geen punt aangevinkt.</source>
      <translation>No item is ticked.</translation>
    </message>
    <message>
      <source>'{0}' is geen gewoon bestand.</source>
      <translation>'{0}' is not a regular file.</translation>
    </message>
    <message>
      <source>'{0}' kan niet worden gelezen ({1}).</source>
      <translation>'{0}' cannot be read ({1}).</translation>
    </message>
    <message>
      <source>'{0}' is {1} groot; een Word-agenda mag hoogstens {2} zijn.</source>
      <translation>'{0}' is {1}; a Word agenda may be at most {2}.</translation>
    </message>
    <message>
      <source>'{0}' is {1}, geen Word-document (.docx). Open het in Word of LibreOffice, sla het op als .docx en kies dat bestand.</source>
      <translation>'{0}' is {1}, not a Word document (.docx). Open it in Word or LibreOffice, save it as .docx and choose that file.</translation>
    </message>
    <message>
      <source>'{0}' is geen Word-document (.docx).</source>
      <translation>'{0}' is not a Word document (.docx).</translation>
    </message>
    <message>
      <source>'{0}' is beveiligd met een wachtwoord. Open het in Word, haal het wachtwoord eraf (Bestand → Info → Document beveiligen) en sla het opnieuw op.</source>
      <translation>'{0}' is protected with a password. Open it in Word, remove the password (File → Info → Protect Document) and save it again.</translation>
    </message>
    <message>
      <source>'{0}' is uitgepakt {1} in {2} delen; een Word-agenda mag uitgepakt hoogstens {3} zijn.</source>
      <translation>'{0}' unpacks to {1} in {2} parts; a Word agenda may unpack to at most {3}.</translation>
    </message>
    <message>
      <source>'{0}' is beschadigd en kan niet worden gelezen. Open het in Word en sla het opnieuw op.</source>
      <translation>'{0}' is damaged and cannot be read. Open it in Word and save it again.</translation>
    </message>
    <message>
      <source>&amp;Datum overnemen: {0} (nu {1})</source>
      <translation>Take the &amp;date: {0} (now {1})</translation>
    </message>
    <message>
      <source>T&amp;ijd overnemen: {0} (nu {1})</source>
      <translation>Take the &amp;time: {0} (now {1})</translation>
    </message>
    <message>
      <source>L&amp;ocatie overnemen: {0} (nu {1})</source>
      <translation>Take the &amp;place: {0} (now {1})</translation>
    </message>
    <message>
      <source>leeg</source>
      <translation>empty</translation>
    </message>
    <message>
      <source>De agenda noemt '{0}' als datum, maar die dag en datum passen niet bij elkaar. De vergadering blijft op {1}; pas de datum zo nodig aan op het tabblad Vergadering.</source>
      <translation>The agenda gives '{0}' as its date, but that weekday and date do not match. The meeting stays on {1}; change the date on the Meeting tab if needed.</translation>
    </message>
    <message>
      <source>In '{0}' is geen agendapunt herkend. Nummer de punten (1., 2., 3.) of zet ze in een tabel met een kolom Onderwerp, en probeer het opnieuw.</source>
      <translation>No agenda item was recognised in '{0}'. Number the items (1., 2., 3.) or put them in a table with a column headed Onderwerp, and try again.</translation>
    </message>
    <message>
      <source>Punt {0} heeft geen titel.</source>
      <translation>Item {0} has no title.</translation>
    </message>
    <message>
      <source>Bij '{0}' zijn de minuten geen heel getal: {1}</source>
      <translation>The minutes of '{0}' are not a whole number: {1}</translation>
    </message>
    <message>
      <source>Nieuwe vergadering</source>
      <translation>New meeting</translation>
    </message>
    <message>
      <source>Naam van het overleg</source>
      <translation>Name of the committee</translation>
    </message>
    <message>
      <source>Overleg</source>
      <translation>Committee</translation>
    </message>
    <message>
      <source>&amp;Overnemen van de vorige vergadering (deelnemers, vaste punten)</source>
      <translation>Take &amp;over from the previous meeting (attendees, standing items)</translation>
    </message>
    <message>
      <source>Ook de &amp;gasten weer uitnodigen</source>
      <translation>Invite the &amp;guests again too</translation>
    </message>
    <message>
      <source>Aanmaken</source>
      <translation>Create</translation>
    </message>
    <message>
      <source>O&amp;verleg:</source>
      <translation>&amp;Committee:</translation>
    </message>
    <message>
      <source>&amp;Titel:</source>
      <translation>&amp;Title:</translation>
    </message>
    <message>
      <source>&amp;Datum:</source>
      <translation>&amp;Date:</translation>
    </message>
    <message>
      <source>Leeg: de titel van de vorige vergadering</source>
      <translation>Empty: the title of the previous meeting</translation>
    </message>
    <message>
      <source>Bijvoorbeeld: Vergadering januari</source>
      <translation>For example: January meeting</translation>
    </message>
    <message>
      <source>Vul de naam van het overleg in.</source>
      <translation>Fill in the name of the committee.</translation>
    </message>
    <message>
      <source>„{0}” is geen datum; de datum blijft {1}. Typ bijvoorbeeld 13-1-2027.</source>
      <translation>“{0}” is not a date; the date stays {1}. Type, for example, 13-1-2027.</translation>
    </message>
    <message>
      <source>elke week</source>
      <translation>every week</translation>
    </message>
    <message>
      <source>om de {0} weken</source>
      <translation>every {0} weeks</translation>
    </message>
    <message>
      <source>Voorgesteld in het ritme van dit overleg: {0}; de vorige was op {1}.</source>
      <translation>Proposed in this committee's rhythm: {0}; the last one was on {1}.</translation>
    </message>
    <message>
      <source>om de {0} dagen</source>
      <translation>every {0} days</translation>
    </message>
    <message>
      <source>**vet**, *cursief*, “- ” voor een opsomming; {cursor} is waar de cursor komt. Bij een besluit of actie komen daar de woorden die u vóór de code typte.</source>
      <translation>**bold**, *italic*, “- ” for a bulleted list; {cursor} is where the cursor goes. In a decision or action, the words you typed before the code go there.</translation>
    </message>
    <message>
      <source>&amp;Nieuw</source>
      <translation>&amp;New</translation>
    </message>
    <message>
      <source>&amp;Verwijderen</source>
      <translation>&amp;Delete</translation>
    </message>
    <message>
      <source>&amp;Beginlijst terugzetten</source>
      <translation>Put back the &amp;starting list</translation>
    </message>
    <message>
      <source>&amp;Lijst:</source>
      <translation>&amp;List:</translation>
    </message>
    <message>
      <source>Tekstblokken</source>
      <translation>Text blocks</translation>
    </message>
    <message>
      <source>Opslaan</source>
      <translation>Save</translation>
    </message>
    <message>
      <source>Tekst</source>
      <translation>Text</translation>
    </message>
    <message>
      <source>Besluit vastleggen</source>
      <translation>Record a decision</translation>
    </message>
    <message>
      <source>Actiepunt vastleggen</source>
      <translation>Record an action</translation>
    </message>
    <message>
      <source>&amp;Code (typ ;code en Tab):</source>
      <translation>&amp;Code (type ;code and Tab):</translation>
    </message>
    <message>
      <source>Code</source>
      <translation>Code</translation>
    </message>
    <message>
      <source>&amp;Soort:</source>
      <translation>&amp;Kind:</translation>
    </message>
    <message>
      <source>Soort</source>
      <translation>Kind</translation>
    </message>
    <message>
      <source>&amp;Tekst:</source>
      <translation>&amp;Text:</translation>
    </message>
    <message>
      <source>Tekstblokken – {0}</source>
      <translation>Text blocks – {0}</translation>
    </message>
    <message>
      <source>algemeen</source>
      <translation>general</translation>
    </message>
    <message>
      <source>Herstellen uit reservekopie</source>
      <translation>Restore from a backup</translation>
    </message>
    <message>
      <source>Kies een reservekopie; rechts ziet u welke vergaderingen erin staan. Bij herstellen worden uw huidige gegevens eerst zelf als reservekopie bewaard, zodat er niets verloren gaat.</source>
      <translation>Choose a backup; on the right you see which meetings it holds. Before restoring, your current data is itself kept as a backup, so nothing is lost.</translation>
    </message>
    <message>
      <source>Reservekopieën</source>
      <translation>Backups</translation>
    </message>
    <message>
      <source>&amp;Inhoud van de gekozen reservekopie</source>
      <translation>&amp;Contents of the chosen backup</translation>
    </message>
    <message>
      <source>Vergaderingen in de reservekopie</source>
      <translation>Meetings in the backup</translation>
    </message>
    <message>
      <source>Er zijn nog geen reservekopieën.</source>
      <translation>There are no backups yet.</translation>
    </message>
    <message>
      <source>Ander &amp;bestand…</source>
      <translation>Other &amp;file…</translation>
    </message>
    <message>
      <source>Een reservekopie van elders kiezen, bijv. een USB-stick</source>
      <translation>Choose a backup from elsewhere, e.g. a USB stick</translation>
    </message>
    <message>
      <source>&amp;Herstellen…</source>
      <translation>&amp;Restore…</translation>
    </message>
    <message>
      <source>Reservekopie kiezen</source>
      <translation>Choose a backup</translation>
    </message>
    <message>
      <source>Reservekopie (*.sqlite3 *.sqlite *.db);;Alle bestanden (*)</source>
      <translation>Backup (*.sqlite3 *.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
      <source>Reservekopie herstellen</source>
      <translation>Restore backup</translation>
    </message>
    <message>
      <source>Herstellen</source>
      <translation>Restore</translation>
    </message>
    <message>
      <source>Datum</source>
      <translation>Date</translation>
    </message>
    <message>
      <source>Aanleiding</source>
      <translation>Reason</translation>
    </message>
    <message>
      <source>Grootte</source>
      <translation>Size</translation>
    </message>
    <message>
      <source>Vergaderingen</source>
      <translation>Meetings</translation>
    </message>
    <message>
      <source>(geen vergaderingen)</source>
      <translation>(no meetings)</translation>
    </message>
    <message>
      <source>(zonder titel)</source>
      <translation>(untitled)</translation>
    </message>
    <message>
      <source>De gegevens van {0} terugzetten?

Uw huidige gegevens worden eerst als reservekopie bewaard; u kunt dit dus altijd terugdraaien.</source>
      <translation>Put back the data of {0}?

Your current data is kept as a backup first, so you can always undo this.</translation>
    </message>
    <message>
      <source>In een tekstvak</source>
      <translation>In a text field</translation>
    </message>
    <message>
      <source>In een datumveld</source>
      <translation>In a date field</translation>
    </message>
    <message>
      <source>In een tijdveld</source>
      <translation>In a time field</translation>
    </message>
    <message>
      <source>In een keuzelijst</source>
      <translation>In a choice list</translation>
    </message>
    <message>
      <source>Overal</source>
      <translation>Everywhere</translation>
    </message>
    <message>
      <source>Vet</source>
      <translation>Bold</translation>
    </message>
    <message>
      <source>Cursief</source>
      <translation>Italic</translation>
    </message>
    <message>
      <source>Opsomming beginnen</source>
      <translation>Start a bulleted list</translation>
    </message>
    <message>
      <source>"- " aan het begin van een regel</source>
      <translation>"- " at the start of a line</translation>
    </message>
    <message>
      <source>Genummerde lijst beginnen</source>
      <translation>Start a numbered list</translation>
    </message>
    <message>
      <source>"1. " aan het begin van een regel</source>
      <translation>"1. " at the start of a line</translation>
    </message>
    <message>
      <source>Lijstitem inspringen / terug</source>
      <translation>Indent / outdent a list item</translation>
    </message>
    <message>
      <source>Tekstblok invoegen</source>
      <translation>Insert text block</translation>
    </message>
    <message>
      <source>;code en dan Tab</source>
      <translation>;code and then Tab</translation>
    </message>
    <message>
      <source>Tekstblok kiezen uit de lijst</source>
      <translation>Choose a text block from the list</translation>
    </message>
    <message>
      <source>Kalender openen</source>
      <translation>Open the calendar</translation>
    </message>
    <message>
      <source>Datum typen</source>
      <translation>Type a date</translation>
    </message>
    <message>
      <source>16-9-2022, 16 sep 2022 of 16 september 2022</source>
      <translation>16-9-2022, 16 sep 2022 or 16 september 2022</translation>
    </message>
    <message>
      <source>Tijd typen</source>
      <translation>Type a time</translation>
    </message>
    <message>
      <source>0900, 9:00 of 9.00</source>
      <translation>0900, 9:00 or 9.00</translation>
    </message>
    <message>
      <source>Lijst openen</source>
      <translation>Open the list</translation>
    </message>
    <message>
      <source>Sneltoetsen</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>In {0}</source>
      <translation>In {0}</translation>
    </message>
    <message>
      <source>Waar</source>
      <translation>Where</translation>
    </message>
    <message>
      <source>Wat</source>
      <translation>What</translation>
    </message>
    <message>
      <source>Toetsen</source>
      <translation>Keys</translation>
    </message>
    <message>
      <source>{0} of F4</source>
      <translation>{0} or F4</translation>
    </message>
    <message>
      <source>Vergaderbestand (*.verslag.json *.json);;Alle bestanden (*)</source>
      <translation>Meeting file (*.verslag.json *.json);;All files (*)</translation>
    </message>
    <message>
      <source>OK (Ctrl+Enter)</source>
      <translation>OK (Ctrl+Enter)</translation>
    </message>
    <message>
      <source>Vergaderbestand importeren</source>
      <translation>Import meeting file</translation>
    </message>
    <message>
      <source>Vergaderbestand exporteren</source>
      <translation>Export meeting file</translation>
    </message>
    <message>
      <source>Fysiek</source>
      <translation>In person</translation>
    </message>
    <message>
      <source>Online</source>
      <translation>Online</translation>
    </message>
    <message>
      <source>Hybride</source>
      <translation>Hybrid</translation>
    </message>
    <message>
      <source>Concept</source>
      <translation>Draft</translation>
    </message>
    <message>
      <source>Definitief</source>
      <translation>Final</translation>
    </message>
    <message>
      <source>Vastgesteld</source>
      <translation>Approved</translation>
    </message>
    <message>
      <source>Voorzitter</source>
      <translation>Chair</translation>
    </message>
    <message>
      <source>Lid</source>
      <translation>Member</translation>
    </message>
    <message>
      <source>Adviseur</source>
      <translation>Advisor</translation>
    </message>
    <message>
      <source>Gast</source>
      <translation>Guest</translation>
    </message>
    <message>
      <source>Ondersteuning</source>
      <translation>Support</translation>
    </message>
    <message>
      <source>Secretaris</source>
      <translation>Secretary</translation>
    </message>
    <message>
      <source>Aanwezig</source>
      <translation>Present</translation>
    </message>
    <message>
      <source>Afgemeld</source>
      <translation>Excused</translation>
    </message>
    <message>
      <source>Afwezig</source>
      <translation>Absent</translation>
    </message>
    <message>
      <source>Kennisname</source>
      <translation>For information</translation>
    </message>
    <message>
      <source>Beeldvorming</source>
      <translation>Briefing</translation>
    </message>
    <message>
      <source>Oordeelsvorming</source>
      <translation>Discussion</translation>
    </message>
    <message>
      <source>Besluitvorming</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Afgerond</source>
      <translation>Done</translation>
    </message>
    <message>
      <source>Vervallen</source>
      <translation>Dropped</translation>
    </message>
    <message>
      <source>Stukken toevoegen</source>
      <translation>Add documents</translation>
    </message>
    <message>
      <source>Stuk opslaan als</source>
      <translation>Save document as</translation>
    </message>
    <message>
      <source>Stuk verplaatsen</source>
      <translation>Move document</translation>
    </message>
    <message>
      <source>Stukken</source>
      <translation>Documents</translation>
    </message>
    <message>
      <source>Stuk &amp;toevoegen…</source>
      <translation>Add &amp;document…</translation>
    </message>
    <message>
      <source>Openen</source>
      <translation>Open</translation>
    </message>
    <message>
      <source>Openen (Enter)</source>
      <translation>Open (Enter)</translation>
    </message>
    <message>
      <source>Stuk openen</source>
      <translation>Open document</translation>
    </message>
    <message>
      <source>Opslaan als…</source>
      <translation>Save as…</translation>
    </message>
    <message>
      <source>Stuk omhoog</source>
      <translation>Document up</translation>
    </message>
    <message>
      <source>Stuk omhoog (Alt+Pijl omhoog)</source>
      <translation>Document up (Alt+Up arrow)</translation>
    </message>
    <message>
      <source>Stuk omlaag</source>
      <translation>Document down</translation>
    </message>
    <message>
      <source>Stuk omlaag (Alt+Pijl omlaag)</source>
      <translation>Document down (Alt+Down arrow)</translation>
    </message>
    <message>
      <source>Stuk verwijderen</source>
      <translation>Delete document</translation>
    </message>
    <message>
      <source>Stuk verwijderen (Delete); Ctrl+Z zet het terug</source>
      <translation>Delete document (Delete); Ctrl+Z puts it back</translation>
    </message>
    <message>
      <source>Stukken van het agendapunt</source>
      <translation>Documents of the agenda item</translation>
    </message>
    <message>
      <source>Dit verslag is vastgesteld: stukken toevoegen, verplaatsen of verwijderen kan niet meer. Enter opent een stuk.</source>
      <translation>This report has been approved: documents can no longer be added, moved or deleted. Enter opens a document.</translation>
    </message>
    <message>
      <source>Nog geen stukken: sleep bestanden hierheen of kies Stuk toevoegen.</source>
      <translation>No documents yet: drag files here or choose Add document.</translation>
    </message>
    <message>
      <source>Naam</source>
      <translation>Name</translation>
    </message>
    <message>
      <source>Stukken worden ingelezen…</source>
      <translation>Reading the documents…</translation>
    </message>
    <message>
      <source>Stukken ({0});;Alle bestanden (*)</source>
      <translation>Documents ({0});;All files (*)</translation>
    </message>
    <message>
      <source>Er is op deze computer geen programma gevonden dat {0} opent.</source>
      <translation>No program was found on this computer that opens {0}.</translation>
    </message>
    <message>
      <source>Stuk {0} verwijderen</source>
      <translation>Delete document {0}</translation>
    </message>
    <message>
      <source>Het stuk {0} kan niet worden geopend: {1}</source>
      <translation>The document {0} cannot be opened: {1}</translation>
    </message>
    <message>
      <source>Stukken bij punt {0}</source>
      <translation>Documents of item {0}</translation>
    </message>
    <message>
      <source>Opgeslagen als {0}</source>
      <translation>Saved as {0}</translation>
    </message>
    <message>
      <source>Niet toegevoegd: {0}</source>
      <translation>Not added: {0}</translation>
    </message>
    <message>
      <source>Niet opgeslagen tekst terugzetten</source>
      <translation>Put back unsaved text</translation>
    </message>
    <message>
      <source>Terugzetten</source>
      <translation>Put back</translation>
    </message>
    <message>
      <source>de vergadering</source>
      <translation>the meeting</translation>
    </message>
    <message>
      <source>De vorige keer kon tekst niet worden opgeslagen; er is een noodkopie van bewaard:

{0}

Wilt u die tekst nu terugzetten? Wat nu in die velden staat, wordt erdoor vervangen.</source>
      <translation>Last time some text could not be saved; an emergency copy of it was kept:

{0}

Do you want to put that text back now? What is in those fields now is replaced by it.</translation>
    </message>
    <message>
      <source>De niet opgeslagen tekst van de vorige keer is niet teruggezet. De noodkopie staat in {0}; bij de volgende start wordt hij opnieuw aangeboden.</source>
      <translation>The unsaved text of last time was not put back. The emergency copy is in {0}; it is offered again at the next start.</translation>
    </message>
    <message>
      <source>Uit de noodkopie van de vorige keer teruggezet: {0}.</source>
      <translation>Put back from the emergency copy of last time: {0}.</translation>
    </message>
    <message>
      <source>{0} wijziging(en) uit de noodkopie hoorden niet bij deze gegevens en zijn niet teruggezet.</source>
      <translation>{0} change(s) in the emergency copy did not belong to this data and were not put back.</translation>
    </message>
    <message>
      <source>{0} bij '{1}'</source>
      <translation>{0} in '{1}'</translation>
    </message>
    <message>
      <source>Verslag</source>
      <translation>Report</translation>
    </message>
    <message>
      <source>Agenda</source>
      <translation>Agenda</translation>
    </message>
    <message>
      <source>Actielijst</source>
      <translation>Action List</translation>
    </message>
    <message>
      <source>Besluitenlijst</source>
      <translation>Decision List</translation>
    </message>
    <message>
      <source>Word-sjabloon van uw organisatie kiezen</source>
      <translation>Choose your organisation's Word template</translation>
    </message>
    <message>
      <source>Word-sjabloon of -document (*.dotx *.docx)</source>
      <translation>Word template or document (*.dotx *.docx)</translation>
    </message>
    <message>
      <source>Map voor concept-e-mailberichten kiezen</source>
      <translation>Choose the folder for draft e-mails</translation>
    </message>
    <message>
      <source>Verslag niet opgeslagen</source>
      <translation>Report not saved</translation>
    </message>
    <message>
      <source>Andere naam kiezen…</source>
      <translation>Choose another name…</translation>
    </message>
    <message>
      <source>E-mailprogramma niet geopend</source>
      <translation>E-mail program not opened</translation>
    </message>
    <message>
      <source>Map tonen</source>
      <translation>Show folder</translation>
    </message>
    <message>
      <source>Bericht zonder bijlage</source>
      <translation>Message without attachment</translation>
    </message>
    <message>
      <source>Het verslag kon niet worden gemaakt: {0}</source>
      <translation>The report could not be made: {0}</translation>
    </message>
    <message>
      <source>Stu&amp;kken bijvoegen</source>
      <translation>Attach doc&amp;uments</translation>
    </message>
    <message>
      <source>&amp;Openbare versie (zonder vertrouwelijke punten)</source>
      <translation>Public &amp;version (without confidential items)</translation>
    </message>
    <message>
      <source>&amp;Zonder toelichtingen</source>
      <translation>Without &amp;introductions</translation>
    </message>
    <message>
      <source>Word-&amp;sjabloon kiezen…</source>
      <translation>Choose Word &amp;template…</translation>
    </message>
    <message>
      <source>Standaard &amp;huisstijl gebruiken</source>
      <translation>Use the standard &amp;house style</translation>
    </message>
    <message>
      <source>Map voor &amp;concept-e-mails kiezen…</source>
      <translation>Choose the folder for &amp;draft e-mails…</translation>
    </message>
    <message>
      <source>Stukken gaan alleen mee met de agenda en het verslag.</source>
      <translation>Documents go only with the agenda and the report.</translation>
    </message>
    <message>
      <source>Het verslag gebruikt de standaard huisstijl.</source>
      <translation>The report uses the standard house style.</translation>
    </message>
    <message>
      <source>Voorbeeld</source>
      <translation>Preview</translation>
    </message>
    <message>
      <source>Ex&amp;porteren</source>
      <translation>Ex&amp;port</translation>
    </message>
    <message>
      <source>Welk stuk</source>
      <translation>Which document</translation>
    </message>
    <message>
      <source>&amp;Verslag</source>
      <translation>&amp;Report</translation>
    </message>
    <message>
      <source>&amp;Agenda (convocatie)</source>
      <translation>&amp;Agenda (notice of meeting)</translation>
    </message>
    <message>
      <source>Ac&amp;tielijst</source>
      <translation>A&amp;ction List</translation>
    </message>
    <message>
      <source>B&amp;esluitenlijst</source>
      <translation>D&amp;ecision List</translation>
    </message>
    <message>
      <source>Geen agendapunt van deze vergadering heeft stukken.</source>
      <translation>No agenda item of this meeting has documents.</translation>
    </message>
    <message>
      <source>De stukken van de agendapunten gaan als bijlagen mee met de e-mail.</source>
      <translation>The documents of the agenda items go with the e-mail as attachments.</translation>
    </message>
    <message>
      <source>Kies een Word-sjabloon (.dotx) of Word-document (.docx).</source>
      <translation>Choose a Word template (.dotx) or Word document (.docx).</translation>
    </message>
    <message>
      <source>Nu: standaard huisstijl</source>
      <translation>Now: standard house style</translation>
    </message>
    <message>
      <source>{0} opgeslagen: {1}</source>
      <translation>{0} saved: {1}</translation>
    </message>
    <message>
      <source>{0} opslaan</source>
      <translation>Save {0}</translation>
    </message>
    <message>
      <source>Het concept-e-mailbericht kon niet worden geopend. Het staat klaar in:
{0}

Open het bestand met uw e-mailprogramma, of begin een nieuw bericht zonder bijlage en voeg het bestand zelf toe.</source>
      <translation>The draft e-mail could not be opened. It is ready in:
{0}

Open the file with your e-mail program, or start a new message without attachment and attach the file yourself.</translation>
    </message>
    <message>
      <source>{0} naar &amp;Word…</source>
      <translation>{0} to &amp;Word…</translation>
    </message>
    <message>
      <source>{0} naar &amp;PDF…</source>
      <translation>{0} to &amp;PDF…</translation>
    </message>
    <message>
      <source>{0} naar we&amp;bpagina…</source>
      <translation>{0} as we&amp;b page…</translation>
    </message>
    <message>
      <source>{0} &amp;mailen…</source>
      <translation>{0} by &amp;mail…</translation>
    </message>
    <message>
      <source>Het verslag gebruikt voortaan het sjabloon {0}.</source>
      <translation>From now on the report uses the template {0}.</translation>
    </message>
    <message>
      <source>Concept-e-mailberichten komen voortaan in {0}.</source>
      <translation>From now on draft e-mails go to {0}.</translation>
    </message>
    <message>
      <source>Nu: {0}</source>
      <translation>Now: {0}</translation>
    </message>
    <message>
      <source>{0} wordt gemaakt…</source>
      <translation>{0} is being made…</translation>
    </message>
    <message>
      <source>Het concept-e-mailbericht kan niet veilig worden klaargezet: {0}</source>
      <translation>The draft e-mail cannot be prepared safely: {0}</translation>
    </message>
    <message>
      <source>&amp;Actielijst</source>
      <translation>&amp;Action List</translation>
    </message>
    <message>
      <source>&amp;Besluitenlijst</source>
      <translation>&amp;Decision List</translation>
    </message>
    <message>
      <source>&amp;Personen</source>
      <translation>&amp;People</translation>
    </message>
    <message>
      <source>&amp;Zoeken in het archief…</source>
      <translation>&amp;Search the archive…</translation>
    </message>
    <message>
      <source>Nr.</source>
      <translation>No.</translation>
    </message>
    <message>
      <source>Actiepunt</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Wie</source>
      <translation>Who</translation>
    </message>
    <message>
      <source>Wanneer</source>
      <translation>Due</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>Status</translation>
    </message>
    <message>
      <source>Uit vergadering</source>
      <translation>From meeting</translation>
    </message>
    <message>
      <source>Afgehandeld in</source>
      <translation>Closed in</translation>
    </message>
    <message>
      <source>&amp;Afgerond</source>
      <translation>&amp;Done</translation>
    </message>
    <message>
      <source>&amp;Vervallen</source>
      <translation>D&amp;ropped</translation>
    </message>
    <message>
      <source>W&amp;eer open</source>
      <translation>Re&amp;open</translation>
    </message>
    <message>
      <source>Afgehandeld</source>
      <translation>Closed</translation>
    </message>
    <message>
      <source>Alle</source>
      <translation>All</translation>
    </message>
    <message>
      <source>&amp;Toon:</source>
      <translation>&amp;Show:</translation>
    </message>
    <message>
      <source>&amp;Wie:</source>
      <translation>&amp;Who:</translation>
    </message>
    <message>
      <source>{0} (te laat)</source>
      <translation>{0} (overdue)</translation>
    </message>
    <message>
      <source>Afhandelen wordt vastgelegd in: {0}</source>
      <translation>Closing is recorded in: {0}</translation>
    </message>
    <message>
      <source>Status van het verslag</source>
      <translation>Status of the report</translation>
    </message>
    <message>
      <source>Verslag de&amp;finitief (verzonden)</source>
      <translation>Mark report &amp;final (sent)</translation>
    </message>
    <message>
      <source>&amp;Vorig verslag vaststellen…</source>
      <translation>Appro&amp;ve previous report…</translation>
    </message>
    <message>
      <source>Verslag &amp;ontgrendelen…</source>
      <translation>&amp;Unlock report…</translation>
    </message>
    <message>
      <source>Verslag weer ve&amp;rgrendelen</source>
      <translation>Loc&amp;k report again</translation>
    </message>
    <message>
      <source>Vorig verslag vaststellen</source>
      <translation>Approve previous report</translation>
    </message>
    <message>
      <source>Verslag ontgrendelen</source>
      <translation>Unlock report</translation>
    </message>
    <message>
      <source>Dit verslag is vastgesteld. Wie het nu wijzigt, wijzigt een goedgekeurd verslag; de reden wordt bij de correcties vastgelegd.

Reden:</source>
      <translation>This report has been approved. Whoever changes it now changes an approved report; the reason is recorded with the corrections.

Reason:</translation>
    </message>
    <message>
      <source>Er is geen vorige vergadering van dit overleg om vast te stellen.</source>
      <translation>There is no previous meeting of this committee to approve.</translation>
    </message>
    <message>
      <source>Zonder reden wordt niet ontgrendeld.</source>
      <translation>Without a reason nothing is unlocked.</translation>
    </message>
    <message>
      <source>Het verslag van {0} wordt vastgesteld in deze vergadering.
Correcties (leeg laten als er geen zijn):</source>
      <translation>The report of {0} is approved in this meeting.
Corrections (leave empty if there are none):</translation>
    </message>
    <message>
      <source>Vastgesteld op {0}</source>
      <translation>Approved on {0}</translation>
    </message>
    <message>
      <source> — alleen lezen</source>
      <translation> — read only</translation>
    </message>
    <message>
      <source> — ontgrendeld</source>
      <translation> — unlocked</translation>
    </message>
    <message>
      <source>Zoek in titels, impressies, besluiten, actiepunten en namen; "zin"</source>
      <translation>Search titles, notes, decisions, actions and names; "phrase"</translation>
    </message>
    <message>
      <source>Zoeken in het archief</source>
      <translation>Search the archive</translation>
    </message>
    <message>
      <source>Zoekresultaten</source>
      <translation>Search results</translation>
    </message>
    <message>
      <source>(vergadering)</source>
      <translation>(meeting)</translation>
    </message>
    <message>
      <source>1 resultaat</source>
      <translation>1 result</translation>
    </message>
    <message>
      <source>{0} resultaten</source>
      <translation>{0} results</translation>
    </message>
    <message>
      <source>Besluit</source>
      <translation>Decision</translation>
    </message>
    <message>
      <source>Vergadering</source>
      <translation>Meeting</translation>
    </message>
    <message>
      <source>Agendapunt</source>
      <translation>Agenda item</translation>
    </message>
    <message>
      <source>Zoek in de besluiten</source>
      <translation>Search the decisions</translation>
    </message>
    <message>
      <source>&amp;Zoeken:</source>
      <translation>&amp;Search:</translation>
    </message>
    <message>
      <source>Organisatie</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <source>Functie</source>
      <translation>Position</translation>
    </message>
    <message>
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <source>Personen</source>
      <translation>People</translation>
    </message>
    <message>
      <source>&amp;Samenvoegen…</source>
      <translation>&amp;Merge…</translation>
    </message>
    <message>
      <source>Kies twee regels van dezelfde persoon</source>
      <translation>Choose two rows of the same person</translation>
    </message>
    <message>
      <source>&amp;Verwijderen (AVG)…</source>
      <translation>&amp;Erase (GDPR)…</translation>
    </message>
    <message>
      <source>1 vergadering</source>
      <translation>1 meeting</translation>
    </message>
    <message>
      <source>{0} vergaderingen</source>
      <translation>{0} meetings</translation>
    </message>
    <message>
      <source>Personen samenvoegen</source>
      <translation>Merge people</translation>
    </message>
    <message>
      <source>Welke gegevens blijven staan? De andere vullen alleen lege velden aan.</source>
      <translation>Which details stay? The others only fill empty fields.</translation>
    </message>
    <message>
      <source>Eerder gemaakte reservekopieën bevatten de gegevens nog.</source>
      <translation>Backups made earlier still hold the data.</translation>
    </message>
    <message>
      <source>Kies precies twee regels van dezelfde persoon om samen te voegen.</source>
      <translation>Choose exactly two rows of the same person to merge.</translation>
    </message>
    <message>
      <source>Personen worden samengevoegd…</source>
      <translation>Merging people…</translation>
    </message>
    <message>
      <source>Kies één persoon om te verwijderen.</source>
      <translation>Choose one person to erase.</translation>
    </message>
    <message>
      <source>Persoon verwijderen (AVG)</source>
      <translation>Erase person (GDPR)</translation>
    </message>
    <message>
      <source>Definitief verwijderen</source>
      <translation>Erase for good</translation>
    </message>
    <message>
      <source>Persoon wordt overal verwijderd…</source>
      <translation>Erasing the person everywhere…</translation>
    </message>
    <message>
      <source>Op de deelnemerslijst van:</source>
      <translation>On the attendee list of:</translation>
    </message>
    <message>
      <source>Eigenaar van de actiepunten (het veld Wie wordt leeg):</source>
      <translation>Owner of the actions (the Who field becomes empty):</translation>
    </message>
    <message>
      <source>Inbreng bij (wordt leeg):</source>
      <translation>Contribution in (becomes empty):</translation>
    </message>
    <message>
      <source>Genoemd in tekst die blijft staan (pas die eerst zelf aan):</source>
      <translation>Named in text that stays (edit that yourself first):</translation>
    </message>
    <message>
      <source>{0} wordt overal verwijderd, ook uit vastgestelde verslagen. Dit kan niet ongedaan worden gemaakt.</source>
      <translation>{0} is erased everywhere, also from approved reports. This cannot be undone.</translation>
    </message>
    <message>
      <source>Opvolging — Taskforce Verslag</source>
      <translation>Follow-up — Taskforce Verslag</translation>
    </message>
    <message>
      <source>Zoeken</source>
      <translation>Search</translation>
    </message>
    <message>
      <source>&amp;Overleg:</source>
      <translation>&amp;Committee:</translation>
    </message>
    <message>
      <source>Naam typen, Enter</source>
      <translation>Type a name, Enter</translation>
    </message>
    <message>
      <source>Deelnemer zoeken</source>
      <translation>Find attendee</translation>
    </message>
    <message>
      <source>Typ een paar letters van een naam. Enter meldt de eerste die past aanwezig, of vertrokken als die er al is.</source>
      <translation>Type a few letters of a name. Enter marks the first match present, or left if already present.</translation>
    </message>
    <message>
      <source>Deelnemer zoeken (Alt+0):</source>
      <translation>Find attendee (Alt+0):</translation>
    </message>
    <message>
      <source>Wat Enter doet</source>
      <translation>What Enter does</translation>
    </message>
    <message>
      <source>aanwezig</source>
      <translation>present</translation>
    </message>
    <message>
      <source>niet aanwezig</source>
      <translation>not present</translation>
    </message>
    <message>
      <source>niemand gevonden</source>
      <translation>nobody found</translation>
    </message>
    <message>
      <source>Aanwezig (Alt+cijfer):</source>
      <translation>Present (Alt+digit):</translation>
    </message>
    <message>
      <source>Enter: {0} aanwezig</source>
      <translation>Enter: {0} present</translation>
    </message>
    <message>
      <source>Enter: {0} vertrokken</source>
      <translation>Enter: {0} left</translation>
    </message>
    <message>
      <source>Wie voert het actiepunt uit</source>
      <translation>Who carries out the action</translation>
    </message>
    <message>
      <source>Wanneer: vrijdag, 14 okt, over 2 weken</source>
      <translation>Due: vrijdag, 14 okt, over 2 weken (in Dutch)</translation>
    </message>
    <message>
      <source>Herkende datum</source>
      <translation>Recognised date</translation>
    </message>
    <message>
      <source>Leegmaken</source>
      <translation>Clear</translation>
    </message>
    <message>
      <source>Gooit weg wat in dit paneel getypt is</source>
      <translation>Throws away what was typed in this panel</translation>
    </message>
    <message>
      <source>Niet toegevoegd, wel bewaard</source>
      <translation>Not added, but kept</translation>
    </message>
    <message>
      <source>Actiepunt niet toegevoegd maar bewaard: Ctrl+Shift+A haalt het terug.</source>
      <translation>Action not added but kept: Ctrl+Shift+A brings it back.</translation>
    </message>
    <message>
      <source>Besluit niet toegevoegd maar bewaard: Ctrl+Shift+B haalt het terug.</source>
      <translation>Decision not added but kept: Ctrl+Shift+B brings it back.</translation>
    </message>
    <message>
      <source>Uw actiepunt van daarnet staat er weer.</source>
      <translation>Your action from before is back.</translation>
    </message>
    <message>
      <source>Uw besluit van daarnet staat er weer.</source>
      <translation>Your decision from before is back.</translation>
    </message>
    <message>
      <source>&amp;Actiepunt:</source>
      <translation>&amp;Action:</translation>
    </message>
    <message>
      <source>&amp;Besluit:</source>
      <translation>&amp;Decision:</translation>
    </message>
    <message>
      <source>Omschrijving van het actiepunt</source>
      <translation>Description of the action</translation>
    </message>
    <message>
      <source>Tekst van het besluit</source>
      <translation>Text of the decision</translation>
    </message>
    <message>
      <source>onbekende datum</source>
      <translation>unknown date</translation>
    </message>
    <message>
      <source>&amp;Live</source>
      <translation>Li&amp;ve</translation>
    </message>
    <message>
      <source>Rustig scherm om tijdens de vergadering te notuleren (F11, Esc om terug)</source>
      <translation>Calm screen for minuting during the meeting (F11, Esc to go back)</translation>
    </message>
    <message>
      <source>Deelnemer 1 tot {0} aanwezig of vertrokken (Alt+1 … Alt+{0})</source>
      <translation>Attendee 1 to {0} present or left (Alt+1 … Alt+{0})</translation>
    </message>
    <message>
      <source>Live</source>
      <translation>Live</translation>
    </message>
    <message>
      <source>Klok</source>
      <translation>Clock</translation>
    </message>
    <message>
      <source>Resterende vergadertijd</source>
      <translation>Meeting time left</translation>
    </message>
    <message>
      <source>Terug naar de tabbladen (Esc)</source>
      <translation>Back to the tabs (Esc)</translation>
    </message>
    <message>
      <source>Huidig agendapunt</source>
      <translation>Current agenda item</translation>
    </message>
    <message>
      <source>Tijd op dit agendapunt</source>
      <translation>Time on this agenda item</translation>
    </message>
    <message>
      <source>Impressie</source>
      <translation>Notes</translation>
    </message>
    <message>
      <source>Wat er besproken wordt…</source>
      <translation>What is being discussed…</translation>
    </message>
    <message>
      <source>Conclusie</source>
      <translation>Conclusion</translation>
    </message>
    <message>
      <source>Waar het punt op uitkomt…</source>
      <translation>What the item comes to…</translation>
    </message>
    <message>
      <source>Vorig verslag &amp;vaststellen…</source>
      <translation>Appro&amp;ve previous report…</translation>
    </message>
    <message>
      <source>Vastgelegd bij dit agendapunt</source>
      <translation>Recorded at this agenda point</translation>
    </message>
    <message>
      <source>Volgend agendapunt</source>
      <translation>Next agenda item</translation>
    </message>
    <message>
      <source>Vorig agendapunt</source>
      <translation>Previous agenda item</translation>
    </message>
    <message>
      <source>Nieuw besluit</source>
      <translation>New decision</translation>
    </message>
    <message>
      <source>Nieuw actiepunt</source>
      <translation>New action</translation>
    </message>
    <message>
      <source>Paneel sluiten, zoeken wissen of terug naar de tabbladen</source>
      <translation>Close the panel, clear the search or go back to the tabs</translation>
    </message>
    <message>
      <source>Naar de impressie</source>
      <translation>Go to the notes</translation>
    </message>
    <message>
      <source>&amp;Impressie</source>
      <translation>&amp;Notes</translation>
    </message>
    <message>
      <source>&amp;Conclusie</source>
      <translation>&amp;Conclusion</translation>
    </message>
    <message>
      <source>Deze vergadering heeft nog geen agendapunten.</source>
      <translation>This meeting has no agenda items yet.</translation>
    </message>
    <message>
      <source>Dit verslag is vastgesteld; live notuleren kan alleen in een open verslag.</source>
      <translation>This report has been approved; live minuting is only possible in an open report.</translation>
    </message>
    <message>
      <source>1 besluit</source>
      <translation>1 decision</translation>
    </message>
    <message>
      <source>{0} besluiten</source>
      <translation>{0} decisions</translation>
    </message>
    <message>
      <source>1 actiepunt</source>
      <translation>1 action</translation>
    </message>
    <message>
      <source>{0} actiepunten</source>
      <translation>{0} actions</translation>
    </message>
    <message>
      <source>Over de geplande tijd van dit agendapunt</source>
      <translation>Over the planned time of this agenda item</translation>
    </message>
    <message>
      <source>{0} min over tijd</source>
      <translation>{0} min over time</translation>
    </message>
    <message>
      <source>Besluit {0}: {1}</source>
      <translation>Decision {0}: {1}</translation>
    </message>
    <message>
      <source>Nog {0} min</source>
      <translation>{0} min left</translation>
    </message>
    <message>
      <source>Inbreng: {0}</source>
      <translation>Contribution: {0}</translation>
    </message>
    <message>
      <source>Gepland: {0} min</source>
      <translation>Planned: {0} min</translation>
    </message>
    <message>
      <source>Nieuw bij dit punt: {0}</source>
      <translation>New at this point: {0}</translation>
    </message>
    <message>
      <source>Actiepunt {0}: {1}</source>
      <translation>Action {0}: {1}</translation>
    </message>
    <message>
      <source>… en {0} eerder</source>
      <translation>… and {0} earlier</translation>
    </message>
    <message>
      <source>{0} van {1} min</source>
      <translation>{0} of {1} min</translation>
    </message>
    <message>
      <source>{0} min</source>
      <translation>{0} min</translation>
    </message>
    <message>
      <source>Opslaan lukt weer; alles is bewaard.</source>
      <translation>Saving works again; everything is kept.</translation>
    </message>
    <message>
      <source>Taskforce Verslag</source>
      <translation>Taskforce Verslag</translation>
    </message>
    <message>
      <source>Filter op titel, datum of overleg</source>
      <translation>Filter by title, date or committee</translation>
    </message>
    <message>
      <source>Vergaderingen filteren</source>
      <translation>Filter meetings</translation>
    </message>
    <message>
      <source>Onderdelen van de vergadering</source>
      <translation>Parts of the meeting</translation>
    </message>
    <message>
      <source>&amp;Vergadering</source>
      <translation>&amp;Meeting</translation>
    </message>
    <message>
      <source>&amp;Deelnemers</source>
      <translation>&amp;Attendees</translation>
    </message>
    <message>
      <source>&amp;Agenda</source>
      <translation>A&amp;genda</translation>
    </message>
    <message>
      <source>&amp;Impressies</source>
      <translation>&amp;Notes</translation>
    </message>
    <message>
      <source>Kies links een vergadering.</source>
      <translation>Choose a meeting on the left.</translation>
    </message>
    <message>
      <source>&amp;Nieuwe vergadering…</source>
      <translation>&amp;New meeting…</translation>
    </message>
    <message>
      <source>Vergaderbestand &amp;importeren…</source>
      <translation>&amp;Import meeting file…</translation>
    </message>
    <message>
      <source>Vergaderbestand &amp;exporteren…</source>
      <translation>&amp;Export meeting file…</translation>
    </message>
    <message>
      <source>Nu &amp;opslaan</source>
      <translation>&amp;Save now</translation>
    </message>
    <message>
      <source>Alles wordt vanzelf opgeslagen; dit schrijft meteen.</source>
      <translation>Everything is saved by itself; this writes at once.</translation>
    </message>
    <message>
      <source>&amp;Afsluiten</source>
      <translation>E&amp;xit</translation>
    </message>
    <message>
      <source>Vergadering &amp;dupliceren</source>
      <translation>Du&amp;plicate meeting</translation>
    </message>
    <message>
      <source>Vergadering ver&amp;wijderen…</source>
      <translation>De&amp;lete meeting…</translation>
    </message>
    <message>
      <source>Nieuwe deelne&amp;mer</source>
      <translation>New &amp;attendee</translation>
    </message>
    <message>
      <source>Nieuw a&amp;gendapunt</source>
      <translation>New agenda &amp;item</translation>
    </message>
    <message>
      <source>Naar de &amp;impressie</source>
      <translation>Go to the &amp;notes</translation>
    </message>
    <message>
      <source>Nieuw &amp;besluit</source>
      <translation>New &amp;decision</translation>
    </message>
    <message>
      <source>Nieuw ac&amp;tiepunt</source>
      <translation>New ac&amp;tion</translation>
    </message>
    <message>
      <source>Naar de &amp;vergaderlijst</source>
      <translation>Go to the meeting &amp;list</translation>
    </message>
    <message>
      <source>&amp;Sneltoetsen</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
      <source>&amp;Voorbeeldvergadering openen</source>
      <translation>Open the &amp;sample meeting</translation>
    </message>
    <message>
      <source>&amp;Over Taskforce Verslag</source>
      <translation>&amp;About Taskforce Verslag</translation>
    </message>
    <message>
      <source>&amp;Bestand</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>B&amp;ewerken</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>Bee&amp;ld</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>Werkbalk</source>
      <translation>Toolbar</translation>
    </message>
    <message>
      <source>Opmaak</source>
      <translation>Formatting</translation>
    </message>
    <message>
      <source>Opslagstatus</source>
      <translation>Save state</translation>
    </message>
    <message>
      <source>Vergadering bestaat al</source>
      <translation>Meeting already exists</translation>
    </message>
    <message>
      <source>Deze vergadering (zelfde overleg, datum en titel) staat al in de lijst. Vervangen door de inhoud van het bestand?</source>
      <translation>This meeting (same committee, date and title) is already in the list. Replace it with the contents of the file?</translation>
    </message>
    <message>
      <source>Vervangen</source>
      <translation>Replace</translation>
    </message>
    <message>
      <source>Over Taskforce Verslag</source>
      <translation>About Taskforce Verslag</translation>
    </message>
    <message>
      <source>Niet opgeslagen: wordt opnieuw geprobeerd</source>
      <translation>Not saved: trying again</translation>
    </message>
    <message>
      <source>Ze staan in een noodkopie en worden bij de volgende start teruggezet.</source>
      <translation>They are in an emergency copy and will be put back at the next start.</translation>
    </message>
    <message>
      <source>Als u nu afsluit, gaan ze verloren.</source>
      <translation>If you quit now, they are lost.</translation>
    </message>
    <message>
      <source>Niet alles is opgeslagen</source>
      <translation>Not everything is saved</translation>
    </message>
    <message>
      <source>Afsluiten zonder opslaan</source>
      <translation>Quit without saving</translation>
    </message>
    <message>
      <source>Kopie gemaakt; u werkt nu in de kopie.</source>
      <translation>Copy made; you are now working in the copy.</translation>
    </message>
    <message>
      <source>De vergadering '{0}' van {1} met alle deelnemers, agendapunten, besluiten en actiepunten verwijderen?

Met Bewerken → Ongedaan maken (Ctrl+Z) zet u haar terug.</source>
      <translation>Delete the meeting '{0}' of {1} with all attendees, agenda items, decisions and actions?

Edit → Undo (Ctrl+Z) brings it back.</translation>
    </message>
    <message>
      <source>Vergadering verwijderen</source>
      <translation>Delete meeting</translation>
    </message>
    <message>
      <source>Verwijderen</source>
      <translation>Delete</translation>
    </message>
    <message>
      <source>Vergaderbestand wordt ingelezen…</source>
      <translation>Reading the meeting file…</translation>
    </message>
    <message>
      <source>Vergaderbestand wordt geschreven…</source>
      <translation>Writing the meeting file…</translation>
    </message>
    <message>
      <source>Geëxporteerd naar {0}</source>
      <translation>Exported to {0}</translation>
    </message>
    <message>
      <source>Taskforce Verslag {0}

Notuleren, actiepunten en het verslag in Word voor adviesorganen van gemeenten. Werkt zonder internet.

Gegevens: {1}</source>
      <translation>Taskforce Verslag {0}

Minutes, actions and the report in Word for advisory bodies of municipalities. Works without internet.

Data: {1}</translation>
    </message>
    <message>
      <source>Opgeslagen om {0}</source>
      <translation>Saved at {0}</translation>
    </message>
    <message>
      <source>De laatste wijzigingen konden niet worden opgeslagen:
{0}

{1} Toch afsluiten?</source>
      <translation>The last changes could not be saved:
{0}

{1} Quit anyway?</translation>
    </message>
    <message>
      <source>{0} — Taskforce Verslag</source>
      <translation>{0} — Taskforce Verslag</translation>
    </message>
    <message>
      <source>Ingelezen, met opmerkingen:
{0}</source>
      <translation>Read, with remarks:
{0}</translation>
    </message>
    <message>
      <source>Gedaan: {0}. Ctrl+Z maakt het ongedaan.</source>
      <translation>Done: {0}. Ctrl+Z undoes it.</translation>
    </message>
    <message>
      <source>Het vergaderbestand kan niet worden ingelezen:
{0}</source>
      <translation>The meeting file cannot be read:
{0}</translation>
    </message>
    <message>
      <source>verwacht een object, maar het is {got}</source>
      <translation>expected an object, got {got}</translation>
    </message>
    <message>
      <source>verwacht een lijst, maar het is {got}</source>
      <translation>expected a list, got {got}</translation>
    </message>
    <message>
      <source>verwacht tekst, maar het is {got}</source>
      <translation>expected text, got {got}</translation>
    </message>
    <message>
      <source>{count} onderdelen; er mogen er hoogstens {limit} zijn</source>
      <translation>{count} entries; at most {limit} are allowed</translation>
    </message>
    <message>
      <source>ontbreekt, maar is verplicht</source>
      <translation>is required</translation>
    </message>
    <message>
      <source>mag niet leeg zijn</source>
      <translation>must not be empty</translation>
    </message>
    <message>
      <source>{value} is niet een van {allowed}</source>
      <translation>{value} is not one of {allowed}</translation>
    </message>
    <message>
      <source>{value} is geen datum (JJJJ-MM-DD)</source>
      <translation>{value} is not a date (YYYY-MM-DD)</translation>
    </message>
    <message>
      <source>{value} is geen tijd (UU:MM, 24 uur)</source>
      <translation>{value} is not a time (HH:MM, 24 h)</translation>
    </message>
    <message>
      <source>verwacht true of false, maar het is {value}</source>
      <translation>expected true or false, got {value}</translation>
    </message>
    <message>
      <source>{value} is geen geheel getal van 0 of meer</source>
      <translation>{value} is not a whole number &gt;= 0</translation>
    </message>
    <message>
      <source>{value} is meer dan {limit} (een week)</source>
      <translation>{value} is more than {limit} (a week)</translation>
    </message>
    <message>
      <source>'{value}' ligt vóór meeting.start</source>
      <translation>'{value}' is before meeting.start</translation>
    </message>
    <message>
      <source>verwacht '{expected}', maar het is {value}</source>
      <translation>expected '{expected}', got {value}</translation>
    </message>
    <message>
      <source>verwacht versie {expected}, maar het is {value}</source>
      <translation>expected version {expected}, got {value}</translation>
    </message>
    <message>
      <source>meer dan {limit} niveaus diep genest</source>
      <translation>nested more than {limit} levels deep</translation>
    </message>
    <message>
      <source>een getal van {digits} cijfers is te lang</source>
      <translation>a number of {digits} digits is too long</translation>
    </message>
    <message>
      <source>bevat een losse \u-code (geen geldige tekst)</source>
      <translation>contains an unpaired \u escape (not valid text)</translation>
    </message>
    <message>
      <source>een veldnaam bevat een losse \u-code</source>
      <translation>a key contains an unpaired \u escape</translation>
    </message>
    <message>
      <source>staat twee keer in hetzelfde object</source>
      <translation>appears twice in the same object</translation>
    </message>
    <message>
      <source>het bestand is {size} bytes groot; een vergaderbestand mag hoogstens {limit} bytes zijn</source>
      <translation>the file has {size} bytes; a meeting file may have at most {limit}</translation>
    </message>
    <message>
      <source>het bestand is geen UTF-8 (byte {byte})</source>
      <translation>the file is not UTF-8 (byte {byte})</translation>
    </message>
    <message>
      <source>geen geldige JSON op regel {line}, kolom {column}</source>
      <translation>invalid JSON at line {line}, column {column}</translation>
    </message>
    <message>
      <source>geen geldige JSON: te diep genest</source>
      <translation>invalid JSON: nested too deeply</translation>
    </message>
    <message>
      <source>{source} kan niet worden gelezen: dat is {file_kind}</source>
      <translation>cannot read {source}: it is {file_kind}</translation>
    </message>
    <message>
      <source>{source} kan niet worden gelezen ({reason})</source>
      <translation>cannot read {source}: {reason}</translation>
    </message>
    <message>
      <source>dezelfde persoon staat er twee keer in</source>
      <translation>the same person is listed twice</translation>
    </message>
    <message>
      <source>{value} is geen gewone bestandsnaam (één regel, zonder map)</source>
      <translation>{value} is not a plain file name (one line, no folder)</translation>
    </message>
    <message>
      <source>{value} is geen soort bestand die een stuk mag zijn ({allowed})</source>
      <translation>{value} is not a kind of file a document may be ({allowed})</translation>
    </message>
    <message>
      <source>is geen base64 (RFC 4648, op één regel)</source>
      <translation>is not base64 (RFC 4648, on one line)</translation>
    </message>
    <message>
      <source>het stuk is {size} bytes groot; een stuk mag hoogstens {limit} bytes zijn</source>
      <translation>the document has {size} bytes; a document may have at most {limit}</translation>
    </message>
    <message>
      <source>een stuk met deze naam staat al bij dit agendapunt</source>
      <translation>this agenda item already has a document with this name</translation>
    </message>
    <message>
      <source>er is al een vergadering van '{committee}' op {date} met de titel '{title}'</source>
      <translation>a meeting of '{committee}' on {date} titled '{title}' already exists</translation>
    </message>
    <message>
      <source>een object</source>
      <translation>an object</translation>
    </message>
    <message>
      <source>een lijst</source>
      <translation>a list</translation>
    </message>
    <message>
      <source>tekst</source>
      <translation>text</translation>
    </message>
    <message>
      <source>een getal</source>
      <translation>a number</translation>
    </message>
    <message>
      <source>een map, geen bestand</source>
      <translation>a folder, not a file</translation>
    </message>
    <message>
      <source>een pipe, geen bestand</source>
      <translation>a named pipe, not a file</translation>
    </message>
    <message>
      <source>een apparaat, geen bestand</source>
      <translation>a device, not a file</translation>
    </message>
    <message>
      <source>een socket, geen bestand</source>
      <translation>a socket, not a file</translation>
    </message>
    <message>
      <source>geen gewoon bestand</source>
      <translation>not a regular file</translation>
    </message>
    <message>
      <source>{0}: onbekend veld, genegeerd</source>
      <translation>{0}: unknown key, ignored</translation>
    </message>
    <message>
      <source>Vergadergegevens</source>
      <translation>Meeting details</translation>
    </message>
    <message>
      <source>Inleiding</source>
      <translation>Introduction</translation>
    </message>
    <message>
      <source>Inleiding boven het verslag</source>
      <translation>Introduction above the report</translation>
    </message>
    <message>
      <source>Afsluiting</source>
      <translation>Closing</translation>
    </message>
    <message>
      <source>Afsluiting, bijvoorbeeld de datum van de volgende vergadering</source>
      <translation>Closing, for example the date of the next meeting</translation>
    </message>
    <message>
      <source>Overleg:</source>
      <translation>Committee:</translation>
    </message>
    <message>
      <source>Be&amp;gintijd:</source>
      <translation>&amp;Start time:</translation>
    </message>
    <message>
      <source>E&amp;indtijd:</source>
      <translation>E&amp;nd time:</translation>
    </message>
    <message>
      <source>L&amp;ocatie:</source>
      <translation>L&amp;ocation:</translation>
    </message>
    <message>
      <source>Vo&amp;rm:</source>
      <translation>Fo&amp;rm:</translation>
    </message>
    <message>
      <source>&amp;Status:</source>
      <translation>Stat&amp;us:</translation>
    </message>
    <message>
      <source>Vastgesteld o&amp;p:</source>
      <translation>&amp;Approved on:</translation>
    </message>
    <message>
      <source>I&amp;nleiding:</source>
      <translation>&amp;Introduction:</translation>
    </message>
    <message>
      <source>&amp;Afsluiting:</source>
      <translation>&amp;Closing:</translation>
    </message>
    <message>
      <source>De eindtijd ligt voor de begintijd.</source>
      <translation>The end time is before the start time.</translation>
    </message>
    <message>
      <source>ja</source>
      <translation>yes</translation>
    </message>
    <message>
      <source>nee</source>
      <translation>no</translation>
    </message>
    <message>
      <source>Rol</source>
      <translation>Role</translation>
    </message>
    <message>
      <source>Aanwezigheid</source>
      <translation>Attendance</translation>
    </message>
    <message>
      <source>Opmerking</source>
      <translation>Remark</translation>
    </message>
    <message>
      <source>Vertrouwelijk</source>
      <translation>Confidential</translation>
    </message>
    <message>
      <source>Vast punt</source>
      <translation>Standing</translation>
    </message>
    <message>
      <source>Omschrijving</source>
      <translation>Description</translation>
    </message>
    <message>
      <source>Deze vergadering heeft nog geen agendapunten.
Voeg ze toe op het tabblad Agenda (Ctrl+3).</source>
      <translation>This meeting has no agenda items yet.
Add them on the Agenda tab (Ctrl+3).</translation>
    </message>
    <message>
      <source>Toelichting tonen of verbergen</source>
      <translation>Show or hide the explanation</translation>
    </message>
    <message>
      <source>Toelichting</source>
      <translation>Explanation</translation>
    </message>
    <message>
      <source>Nieuw besluit (Ctrl+Shift+B)</source>
      <translation>New decision (Ctrl+Shift+B)</translation>
    </message>
    <message>
      <source>Actiepunten</source>
      <translation>Actions</translation>
    </message>
    <message>
      <source>Actiepunt verwijderen</source>
      <translation>Delete action</translation>
    </message>
    <message>
      <source>Wat moet er gebeuren?</source>
      <translation>What needs to be done?</translation>
    </message>
    <message>
      <source>Nieuw &amp;actiepunt:</source>
      <translation>New &amp;action:</translation>
    </message>
    <message>
      <source>Wa&amp;nneer:</source>
      <translation>&amp;Due:</translation>
    </message>
    <message>
      <source>Open&amp;staande actiepunten uit eerdere vergaderingen</source>
      <translation>Open ac&amp;tions from earlier meetings</translation>
    </message>
    <message>
      <source>Toelichting (leeg)</source>
      <translation>Explanation (empty)</translation>
    </message>
    <message>
      <source>Besluiten</source>
      <translation>Decisions</translation>
    </message>
    <message>
      <source>vertrouwelijk</source>
      <translation>confidential</translation>
    </message>
    <message>
      <source>Besluit {0} verwijderen</source>
      <translation>Delete decision {0}</translation>
    </message>
    <message>
      <source>Stukken: {0}</source>
      <translation>Documents: {0}</translation>
    </message>
    <message>
      <source>Besluit {0}</source>
      <translation>Decision {0}</translation>
    </message>
    <message>
      <source>inbreng: {0}</source>
      <translation>presenter: {0}</translation>
    </message>
    <message>
      <source>{0} minuten</source>
      <translation>{0} minutes</translation>
    </message>
    <message>
      <source>LibreOffice en Word zijn niet gevonden</source>
      <translation>LibreOffice and Word were not found</translation>
    </message>
    <message>
      <source>LibreOffice of Word gaf geen PDF</source>
      <translation>LibreOffice or Word gave no PDF</translation>
    </message>
    <message>
      <source>PDF gemaakt met Qt, zonder de huisstijl van het Word-verslag ({0}).</source>
      <translation>PDF made with Qt, without the house style of the Word report ({0}).</translation>
    </message>
    <message>
      <source>PDF gemaakt met {0}.</source>
      <translation>PDF made with {0}.</translation>
    </message>
    <message>
      <source>Voorbeeld niet beschikbaar: {0}</source>
      <translation>Preview not available: {0}</translation>
    </message>
    <message>
      <source>Voorbeeld van het verslag</source>
      <translation>Preview of the report</translation>
    </message>
    <message>
      <source>Soort voorbeeld</source>
      <translation>Kind of preview</translation>
    </message>
    <message>
      <source>Openbare versie: vertrouwelijke punten weggelaten</source>
      <translation>Public version: confidential items left out</translation>
    </message>
    <message>
      <source>Volledige versie</source>
      <translation>Full version</translation>
    </message>
    <message>
      <source>zonder toelichtingen</source>
      <translation>without introductions</translation>
    </message>
    <message>
      <source>Gegevensmap niet beschrijfbaar</source>
      <translation>Data folder not writable</translation>
    </message>
    <message>
      <source>Andere map kiezen…</source>
      <translation>Choose another folder…</translation>
    </message>
    <message>
      <source>Afsluiten</source>
      <translation>Quit</translation>
    </message>
    <message>
      <source>Map voor uw gegevens kiezen</source>
      <translation>Choose a folder for your data</translation>
    </message>
    <message>
      <source>&amp;Herstellen uit reservekopie…</source>
      <translation>Restore from bac&amp;kup…</translation>
    </message>
    <message>
      <source>&amp;Reservekopie maken</source>
      <translation>Make a &amp;backup</translation>
    </message>
    <message>
      <source>&amp;Logbestand openen</source>
      <translation>Open the &amp;log file</translation>
    </message>
    <message>
      <source>Noodkopie &amp;terugzetten…</source>
      <translation>Put back the emer&amp;gency copy…</translation>
    </message>
    <message>
      <source>Gegevensmap verdwenen</source>
      <translation>Data folder gone</translation>
    </message>
    <message>
      <source>Importeren</source>
      <translation>Import</translation>
    </message>
    <message>
      <source>De gegevensmap {0} is verdwenen of is vervangen (bijvoorbeeld een USB-stick die is uitgetrokken, of een synchronisatieprogramma).</source>
      <translation>The data folder {0} has disappeared or has been replaced (for example a USB stick that was pulled out, or a sync program).</translation>
    </message>
    <message>
      <source>Er kon geen noodkopie worden gemaakt; sluit het programma niet af en zorg dat de map terugkomt.</source>
      <translation>No emergency copy could be made; do not close the program and make sure the folder comes back.</translation>
    </message>
    <message>
      <source>De vorige keer was de gegevensmap verdwenen. Wat u toen typte, is bewaard in de noodkopie {0} van {1}. Zet die terug om verder te gaan waar u was.</source>
      <translation>Last time the data folder had disappeared. What you typed then is kept in the emergency copy {0} of {1}. Put it back to go on where you were.</translation>
    </message>
    <message>
      <source>Noodkopie terugzetten…</source>
      <translation>Put back the emergency copy…</translation>
    </message>
    <message>
      <source>De gegevens worden vervangen door de noodkopie van {0}. De huidige gegevens worden eerst als reservekopie bewaard.</source>
      <translation>The data is replaced by the emergency copy of {0}. The current data is kept as a backup first.</translation>
    </message>
    <message>
      <source>Noodkopie terugzetten</source>
      <translation>Put back the emergency copy</translation>
    </message>
    <message>
      <source>Herstellen kan pas als het werk dat nu loopt klaar is. Probeer het zo opnieuw.</source>
      <translation>Restoring can start only when the work now under way is done. Try again shortly.</translation>
    </message>
    <message>
      <source>Reservekopie wordt hersteld…</source>
      <translation>Restoring the backup…</translation>
    </message>
    <message>
      <source>Er is (nog) geen logbestand.</source>
      <translation>There is no log file (yet).</translation>
    </message>
    <message>
      <source>Het bestand '{0}' (in de map {1}) is met Taskforce Verslag geopend. Wilt u dit vergaderbestand nu importeren?</source>
      <translation>The file '{0}' (in the folder {1}) was opened with Taskforce Verslag. Do you want to import this meeting file now?</translation>
    </message>
    <message>
      <source>Reservekopie wordt gemaakt…</source>
      <translation>Making a backup…</translation>
    </message>
    <message>
      <source>De gegevensmap {0} is verdwenen. Alles wat u hebt getypt, staat in de noodkopie {1}. Bij de volgende start biedt het programma aan die terug te zetten.

Nu afsluiten?</source>
      <translation>The data folder {0} has disappeared. Everything you typed is in the emergency copy {1}. At the next start the program offers to put it back.

Quit now?</translation>
    </message>
    <message>
      <source>De gegevensmap {0} is verdwenen en er kon geen noodkopie worden gemaakt. Als u nu afsluit, gaat verloren wat u sinds het verdwijnen hebt getypt.

Toch afsluiten?</source>
      <translation>The data folder {0} has disappeared and no emergency copy could be made. If you quit now, what you typed since it disappeared is lost.

Quit anyway?</translation>
    </message>
    <message>
      <source>Reservekopie hersteld. De vorige gegevens zijn bewaard als {0}.</source>
      <translation>Backup restored. The previous data is kept as {0}.</translation>
    </message>
    <message>
      <source>{0}

Noodkopie van de niet-opgeslagen tekst: {1}</source>
      <translation>{0}

Emergency copy of the unsaved text: {1}</translation>
    </message>
    <message>
      <source>Reservekopie gemaakt: {0}</source>
      <translation>Backup made: {0}</translation>
    </message>
    <message>
      <source>Alles wat u typt, blijft bewaard: in het venster en in de noodkopie {0}. Bij de volgende start biedt het programma aan die terug te zetten.</source>
      <translation>Everything you type is kept: in the window and in the emergency copy {0}. At the next start the program offers to put it back.</translation>
    </message>
    <message>
      <source>Herstellen kan pas als de laatste wijzigingen zijn opgeslagen:
{0}</source>
      <translation>Restoring is possible only once the last changes are saved:
{0}</translation>
    </message>
    <message>
      <source>Reservekopie van {0} herstellen</source>
      <translation>Restore the backup of {0}</translation>
    </message>
    <message>
      <source>Even geduld: het ongedaan maken is nog bezig. Probeer het zo opnieuw.</source>
      <translation>One moment: the undo is still under way. Try again shortly.</translation>
    </message>
    <message>
      <source>Cel {0} wijzigen</source>
      <translation>Change cell {0}</translation>
    </message>
    <message>
      <source>&amp;Taal / Language</source>
      <translation>Lan&amp;guage / Taal</translation>
    </message>
    <message>
      <source>De taal verandert bij de volgende start. / The language changes at the next start.</source>
      <translation>The language changes at the next start. / De taal verandert bij de volgende start.</translation>
    </message>
    <message>
      <source>Zoals het systeem</source>
      <translation>As the system</translation>
    </message>
    <message>
      <source>Agendapunt verplaatsen</source>
      <translation>Move agenda item</translation>
    </message>
    <message>
      <source>Deelnemer verplaatsen</source>
      <translation>Move attendee</translation>
    </message>
    <message>
      <source>Besluit verwijderen</source>
      <translation>Delete decision</translation>
    </message>
    <message>
      <source>Vergadering {0} wordt teruggezet…</source>
      <translation>Putting back meeting {0}…</translation>
    </message>
    <message>
      <source>Vergadering {0} wordt verwijderd…</source>
      <translation>Deleting meeting {0}…</translation>
    </message>
    <message>
      <source>typen</source>
      <translation>typing</translation>
    </message>
    <message>
      <source>Ongedaan maken</source>
      <translation>Undo</translation>
    </message>
    <message>
      <source>Ongedaan maken: {0}</source>
      <translation>Undo: {0}</translation>
    </message>
    <message>
      <source>Opnieuw</source>
      <translation>Redo</translation>
    </message>
    <message>
      <source>Opnieuw: {0}</source>
      <translation>Redo: {0}</translation>
    </message>
    <message>
      <source>Deelnemer {0} verwijderen</source>
      <translation>Delete attendee {0}</translation>
    </message>
    <message>
      <source>Agendapunt {0} verwijderen</source>
      <translation>Delete agenda item {0}</translation>
    </message>
    <message>
      <source>Actiepunt {0} verwijderen</source>
      <translation>Delete action {0}</translation>
    </message>
    <message>
      <source>Vergadering {0} verwijderen</source>
      <translation>Delete meeting {0}</translation>
    </message>
    <message>
      <source>Tekst wissen</source>
      <translation>Clear text</translation>
    </message>
    <message>
      <source>{0}, verticaal schuiven</source>
      <translation>{0}, scroll vertically</translation>
    </message>
    <message>
      <source>{0}, horizontaal schuiven</source>
      <translation>{0}, scroll horizontally</translation>
    </message>
    <message>
      <source>Openstaande actiepunten (spatie: afgerond)</source>
      <translation>Open actions (space: done)</translation>
    </message>
    <message>
      <source>Geen openstaande actiepunten uit eerdere vergaderingen.</source>
      <translation>No open actions from earlier meetings.</translation>
    </message>
    <message>
      <source>Ctrl+B vet, Ctrl+I cursief. Typ “- ” of “1. ” aan het begin van een alinea voor een lijst. In een lijst: Tab springt in, Shift+Tab springt uit.</source>
      <translation>Ctrl+B bold, Ctrl+I italic. Type “- ” or “1. ” at the start of a paragraph for a list. In a list: Tab indents, Shift+Tab outdents.</translation>
    </message>
    <message>
      <source>Vet (Ctrl+B)</source>
      <translation>Bold (Ctrl+B)</translation>
    </message>
    <message>
      <source>Cursief (Ctrl+I)</source>
      <translation>Italic (Ctrl+I)</translation>
    </message>
    <message>
      <source>Opsomming</source>
      <translation>Bullets</translation>
    </message>
    <message>
      <source>Opsomming (typ “- ” aan het begin van een lege alinea)</source>
      <translation>Bullets (type “- ” at the start of an empty paragraph)</translation>
    </message>
    <message>
      <source>Nummering</source>
      <translation>Numbering</translation>
    </message>
    <message>
      <source>Nummering (typ “1. ” aan het begin van een lege alinea)</source>
      <translation>Numbering (type “1. ” at the start of an empty paragraph)</translation>
    </message>
    <message>
      <source>Inspringen</source>
      <translation>Indent</translation>
    </message>
    <message>
      <source>Inspringen (Tab in een lijst)</source>
      <translation>Indent (Tab in a list)</translation>
    </message>
    <message>
      <source>Uitspringen</source>
      <translation>Outdent</translation>
    </message>
    <message>
      <source>Uitspringen (Shift+Tab in een lijst)</source>
      <translation>Outdent (Shift+Tab in a list)</translation>
    </message>
    <message>
      <source>Mededeling</source>
      <translation>Notice</translation>
    </message>
    <message>
      <source>Let op</source>
      <translation>Note</translation>
    </message>
    <message>
      <source>Probleem</source>
      <translation>Problem</translation>
    </message>
    <message>
      <source>Melding</source>
      <translation>Message</translation>
    </message>
    <message>
      <source>Melding sluiten</source>
      <translation>Close message</translation>
    </message>
    <message>
      <source>Geen datum. Typ bijvoorbeeld 13-1-2027, 13 jan 2027 of 13012027.</source>
      <translation>Not a date. Type, for example, 13-1-2027, 13 jan 2027 or 13012027.</translation>
    </message>
    <message>
      <source>Geen datum. Typ bijvoorbeeld vrijdag, over 2 weken, 14 okt of 13-1-2027.</source>
      <translation>Not a date. Type, for example, vrijdag, over 2 weken, 14 okt or 13-1-2027.</translation>
    </message>
    <message>
      <source>Kalender</source>
      <translation>Calendar</translation>
    </message>
    <message>
      <source>Kalender (Alt+Omlaag of F4)</source>
      <translation>Calendar (Alt+Down or F4)</translation>
    </message>
    <message>
      <source>geen datum</source>
      <translation>no date</translation>
    </message>
    <message>
      <source>{0}, let op: vóór de vergadering van {1}</source>
      <translation>{0}, note: before the meeting of {1}</translation>
    </message>
    <message>
      <source>UU:MM</source>
      <translation>HH:MM</translation>
    </message>
    <message>
      <source> min</source>
      <translation> min</translation>
    </message>
    <message>
      <source>geen</source>
      <translation>none</translation>
    </message>
    <message>
      <source>Omhoog</source>
      <translation>Up</translation>
    </message>
    <message>
      <source>Omhoog (Alt+Pijl omhoog)</source>
      <translation>Up (Alt+Up arrow)</translation>
    </message>
    <message>
      <source>Omlaag</source>
      <translation>Down</translation>
    </message>
    <message>
      <source>Omlaag (Alt+Pijl omlaag)</source>
      <translation>Down (Alt+Down arrow)</translation>
    </message>
    <message>
      <source>Verwijderen (Delete); Ctrl+Z zet het terug</source>
      <translation>Delete (Delete); Ctrl+Z puts it back</translation>
    </message>
    <message>
      <source>Omhoog verplaatsen</source>
      <translation>Move up</translation>
    </message>
    <message>
      <source>Omlaag verplaatsen</source>
      <translation>Move down</translation>
    </message>
    <message>
      <source>Hier maakt u het verslag van een vergadering: u bereidt de deelnemers en de agenda voor, typt tijdens de vergadering per agendapunt de impressie, besluiten en actiepunten, en exporteert het verslag daarna naar Word.

Alles wat u typt wordt vanzelf bewaard, ook zonder internet.

Begin met de voorbeeldvergadering om rond te kijken, of maak meteen een nieuwe vergadering.</source>
      <translation>Here you make the report of a meeting: you prepare the attendees and the agenda, type the notes, decisions and actions per agenda item during the meeting, and then export the report to Word.

Everything you type is kept by itself, also without internet.

Start with the sample meeting to look around, or make a new meeting right away.</translation>
    </message>
    <message>
      <source>Voorbeeldvergadering &amp;openen</source>
      <translation>&amp;Open the sample meeting</translation>
    </message>
    <message>
      <source>Welkom bij Taskforce Verslag</source>
      <translation>Welcome to Taskforce Verslag</translation>
    </message>
    <message>
      <source>Actie: </source>
      <translation>Action: </translation>
    </message>
    <message>
      <source>&amp;Spelling controleren</source>
      <translation>Chec&amp;k spelling</translation>
    </message>
    <message>
      <source>Te&amp;kstblokken…</source>
      <translation>Te&amp;xt blocks…</translation>
    </message>
    <message>
      <source>Toevoegen aan &amp;woordenlijst</source>
      <translation>Add to &amp;dictionary</translation>
    </message>
    <message>
      <source>(geen suggesties)</source>
      <translation>(no suggestions)</translation>
    </message>
    <message>
      <source>Besluit: </source>
      <translation>Decision: </translation>
    </message>
  </context>
</TS>
