"""Word lists for the offline identifier check (`identifiers.py`).

Plain data, standard library only. Entries are in their usual written form (NFC); the
detector compares case-sensitively unless a list says otherwise. The lists are curated by
hand: they are meant to be short and readable, not complete.
"""


def _words(block: str) -> frozenset[str]:
    return frozenset(w for w in block.split() if w)


def _lines(block: str) -> frozenset[str]:
    return frozenset(line.strip() for line in block.strip().splitlines() if line.strip())


# --- first names --------------------------------------------------------------------------

FIRST_NAMES_DE = _words("""
Adelheid Agnes Alexandra Alina Amelie Andrea Angelika Anja Anke Anna Anne Annegret Anneliese
Annemarie Antje Astrid Barbara Beate Bettina Bianca Birgit Brigitte Britta Carina Carla
Carmen Carolin Caroline Charlotte Christa Christel Christiane Christina Christine Clara
Claudia Cornelia Dagmar Daniela Doris Dorothea Edith Elfriede Elisabeth Elke Ella Elli
Elfi Else Emilia Emma Erika Erna Eva Franziska Frieda Friederike Gabi Gabriele Gerda
Gertrud Gisela Greta Grete Gudrun Hanna Hannah Hannelore Hedwig Heidi Heike Helene Helga
Herta Hertha Hildegard Ida Ilse Ina Inge Ingeborg Ingrid Irene Irmgard Isabel Jana Janina
Jasmin Jessica Johanna Josefine Julia Jutta Karin Karla Katharina Kathrin Katja Katrin
Kerstin Kirsten Klara Lara Laura Lea Leonie Lieselotte Liesel Lina Linda Lisa Lotte Luise
Lena Magdalena Manuela Mareike Margarete Margot Margret Maria Marianne Marie Marina Marion
Marlene Marlies Martha Martina Melanie Mia Michaela Mila Miriam Monika Nadine Natalie
Nicole Nina Paula Petra Regina Renate Rita Rosemarie Ruth Sabine Sandra Sarah Silke Silvia
Simone Sofia Sophie Sonja Stefanie Stephanie Susanne Svenja Swantje Tanja Theresa Tina
Ursula Ute Valentina Vanessa Vera Verena Viktoria Waltraud Waltraut Wilhelmine Yvonne
Adrian Alexander Alfred Andreas Anton Arne Arnold Axel Benedikt Benjamin Bernd Bernhard
Björn Bruno Carsten Christian Christoph Claus Daniel David Detlef Dieter Dirk Dominik
Edgar Egon Elias Emil Erich Erik Erwin Eugen Fabian Felix Finn Florian Franz Friedrich
Fritz Georg Gerd Gerhard Gregor Günter Günther Gustav Hannes Hans Harald Hartmut Heinrich
Heinz Helmut Helmuth Herbert Hermann Holger Horst Hubert Ingo Jakob Jan-Peter Jens Joachim
Johann Johannes Jonas Jörg Josef Jürgen Kai-Uwe Karl Karl-Heinz Klaus Konrad Kurt Lars
Leon Leonard Lothar Ludwig Lukas Lutz Manfred Marcel Marco Markus Martin Mathias Matthias
Maximilian Michael Moritz Niklas Nils Norbert Olaf Oliver Oskar Otto Patrick Paul Peter
Philipp Rainer Ralf Reinhard Reinhold Rolf Rüdiger Rudolf Sebastian Siegfried Simon Stefan
Steffen Sven Thomas Thorsten Tim Timo Tobias Torsten Udo Ulrich Uwe Volker Walter Werner
Wilfried Wilhelm Willi Winfried Wolfgang
Ahmet Ali Ayşe Ayse Aylin Burak Cem Elif Emine Emre Fatma Fatih Hasan Hatice Hüseyin Ibrahim
Kemal Leyla Mehmet Melek Merve Murat Mustafa Ömer Özlem Selin Serkan Yusuf Zeynep
Agnieszka Anastasia Dmitri Ewa Irina Jelena Katarzyna Natalia Nikolai Olga Sergej Svetlana
Tatjana Wladimir Jovana Milan Dragan Susi Uschi Sepp Franzi Resi Vroni Bärbel Mathilde
Käthe Berta Hermine Alois Walburga Theodor Magda
""")

FIRST_NAMES_EN = _words("""
Aaron Abigail Adam Aidan Aisha Alan Albert Alexis Alfie Alice Alison Amanda Amelia Amy
Andrew Angela Ann Anna Anne Anthony Archie Arthur Ashley Audrey Ava Barbara Barry Beatrice
Ben Benjamin Bethany Betty Beverly Billy Bob Bobby Brandon Brenda Brian Bridget Bruce Bryan
Caitlin Callum Carl Carol Caroline Carolyn Catherine Charles Charlie Charlotte Chelsea
Cheryl Chloe Christine Christopher Claire Colin Connor Craig Cynthia Damian Daniel Danielle
Darren David Dean Debbie Deborah Declan Denise Dennis Derek Diana Diane Donald Donna Doris
Dorothy Douglas Dylan Edward Eileen Elaine Eleanor Elijah Elizabeth Ellie Emily Emma Eric
Ethan Evelyn Evie Fatima Fiona Frances Freddie Freya Gareth Gary Gemma Geoffrey George
Georgia Gerald Gillian Gloria Gordon Graham Gregory Hannah Harold Harriet Harry Helen Henry
Howard Ian Isaac Isabella Isla Jacob Jacqueline Jake James Jamie Janet Janice Jason Jayden
Jean Jeffrey Jennifer Jeremy Jessica Joan Joanne Joe Joel John Jonathan Jordan Joseph
Joshua Joyce Judith Judy Julia Julie Justin Karen Katherine Kathleen Kathryn Katie Kayla
Keith Kelly Kenneth Kevin Kieran Kimberly Kirsty Kyle Laura Lauren Lawrence Leah Leo Liam
Linda Lisa Logan Lorraine Louis Louise Lucy Luke Lynn Madison Maisie Malcolm Margaret Maria
Marilyn Martha Martin Mary Mason Matthew Maureen Megan Melissa Michael Michelle Millie
Molly Nancy Naomi Natalie Nathan Neil Nicholas Nicola Nicole Niall Niamh Nigel Noah Norma
Oliver Olivia Oscar Owen Pamela Patricia Patrick Paul Pauline Peter Philip Phoebe Priya
Rachel Raymond Rebecca Richard Robert Roger Ronald Rory Rosemary Rosie Roy Russell Ruth
Ryan Samantha Samuel Sandra Sarah Scott Sean Seamus Sharon Shirley Simon Siobhan Sophia
Sophie Stanley Stephanie Stephen Steven Stuart Susan Teresa Terence Terry Theo Theresa
Thomas Timothy Tom Tommy Tony Trevor Tyler Valerie Vanessa Victoria Vincent Violet Walter
Wayne William Willie Zachary Zoe Aoife Aaliyah Omar Mohammed Muhammad Raj Rajesh Sunita
Anil Deepak Nadia Yasmin Abdul Kwame Chidi Ngozi Wei Mei Hiroshi Yuki Alex Sam Kim
Jane Kate Tracy Tracey Kerry Lesley Leslie Dave Steve Mike Chris Nick Rob Andy Pete Jim
Jimmy Phil Matt Dan Danny Sally Jenny Liz Beth Becky Jess Mandy Wendy Carole Gail Elsie Edna
Ethel Mabel Peggy Kathy Cathy Pam Bernard Cyril Ernest Frederick Reginald Sidney Clive Lee
Gavin Shaun Ahmed Hassan Hussein
""")

# First names that are also ordinary words, months or verbs: flagged only with a strong
# cue (a surname after them, a relation word or "named" before them, an age in brackets).
AMBIGUOUS_FIRST_NAMES = _words("""
Will May Hope Grace April June August Mark Bill Rose Joy Faith Max Frank Ernst Jack Pat
Sue Don Art Guy Ray Dawn Summer Amber Ruby Holly Ivy Iris Lily Daisy Poppy Heather Penny
Robin Rich Chase Hunter Jan Kai Wolf Angel Christian Victoria Sunny Sky Star Autumn Jewel
Rosa Dean Miles Norman Carol Madison Charlotte Austin Lincoln Chester Florence Aurora
Lawrence Eugene Orlando Jackson Hazel Sandy
""")

FIRST_NAMES = (FIRST_NAMES_DE | FIRST_NAMES_EN) - AMBIGUOUS_FIRST_NAMES

# --- titles and person words ---------------------------------------------------------------

# Followed by a capitalised word or an initial, these make a name: "Frau Müller", "Mr. K."
HONORIFICS_EN = _words("Mr Mrs Ms Miss Mx Mister Dr Doctor Prof Professor Nurse Rev Reverend Sir")
HONORIFICS_DE = _words("Frau Herr Herrn Hr Fr Dr Prof Professor Professorin Pfarrer Pfarrerin "
                       "Pastor Pastorin Familie Fam")
# Academic parts between a title and the name: "Frau Dr. med. Schulz", "Prof. Dr. Lang".
TITLE_PARTS = _words("Dr Prof med dent vet rer nat phil habil Dipl Psych PD MUDr Mag DDr")
# Followed by a known first name only: "Schwester Monika", "Oma Erna", "Sister Mary".
WEAK_HONORIFICS = _words("""
Schwester Pfleger Pflegerin Oma Opa Tante Onkel Bruder Sister Brother Father Auntie Aunty
Uncle Granny Grandma Grandpa Nana Nanna
""")
# Followed by a capitalised word, these introduce a name: "Patientin Anna", "named Sarah".
NAME_CUES_EN = _words("""
named called son daughter husband wife partner brother sister mother father grandson
granddaughter boyfriend girlfriend fiance fiancee patient client nephew niece
""")
NAME_CUES_DE = _words("""
namens heißt hieß genannt Tochter Sohn Ehemann Ehefrau Mann Enkel Enkelin Enkelsohn
Enkeltochter Bruder Vater Mutter Patient Patientin Klient Klientin Bewohner Bewohnerin
Freund Freundin Partner Partnerin Lebensgefährte Lebensgefährtin Neffe Nichte
""")
# A bare age after these is a patient's age: "Frau, 93", "the widow (91)".
PERSON_NOUNS = _words("""
Frau Mann Herr Patientin Patient Witwe Witwer Rentnerin Rentner Dame Bewohnerin Bewohner
woman man lady gentleman widow widower patient pensioner resident
""")

# Words that may follow a title or a name cue but are not names.
NOT_NAMES = _words("""
Doktor Doktorin Kollege Kollegin Kollegen Professor Professorin Nachbarin Nachbar Mama
Papa Oberarzt Oberärztin Chefarzt Chefärztin Ärztin Arzt Pfarrer Pastor Schwester Pfleger
Practitioner Manager Specialist Consultant Registrar Doctor Nurse Sister Brother Father
Mother Patient Patientin Klientin Klient Mum Dad Mom Daddy Mummy Mommy Sir Madam Lady Lord
God Gott Christmas Jesus Allah Santa Sheriff Officer Director Chief Head Senior Junior
And Or Und Oder The Der Die Das Den Dem Des Ein Eine Einen Einem Einer Sie Ihr Ihre Ihren
Ihrem Ihrer Ihnen Er Es Wir Man Ich I He She We They It You This That These Those My Your
His Her Our Their Its Mein Meine Dein Sein Seine Unser Unsere Euer Kein Keine
""")

# --- calendar ------------------------------------------------------------------------------

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
MONTHS_DE = ("Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember")
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                       "Okt", "Oct", "Nov", "Dez", "Dec")
DAYS = _words("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays
Thursdays Fridays Saturdays Sundays Montag Dienstag Mittwoch Donnerstag Freitag Samstag
Sonnabend Sonntag Montags Dienstags Mittwochs Donnerstags Freitags Samstags Sonntags
""")
HOLIDAYS = _words("""
Christmas Easter Advent Ramadan Eid Diwali Hanukkah Passover Halloween Thanksgiving
Whitsun Pentecost Lent Boxing Weihnachten Ostern Pfingsten Silvester Neujahr Fasching
Karneval Fastnacht Heiligabend Allerheiligen Himmelfahrt Fronleichnam Ostermontag
Karfreitag Bayram Zuckerfest Chanukka
""")

# --- places --------------------------------------------------------------------------------

# About 200 of the largest cities of Germany, Austria, Switzerland, the UK and the US, with
# common English and German spellings. Names that are also ordinary words are listed in
# AMBIGUOUS_CITIES too and are only flagged after "in/aus/nach/from/near ...".
CITIES = _lines("""
Berlin
Hamburg
München
Munich
Köln
Cologne
Frankfurt
Frankfurt am Main
Frankfurt an der Oder
Stuttgart
Düsseldorf
Leipzig
Dortmund
Essen
Bremen
Dresden
Hannover
Hanover
Nürnberg
Nuremberg
Duisburg
Bochum
Wuppertal
Bielefeld
Bonn
Münster
Mannheim
Karlsruhe
Augsburg
Wiesbaden
Mönchengladbach
Gelsenkirchen
Aachen
Braunschweig
Kiel
Chemnitz
Halle
Halle (Saale)
Magdeburg
Freiburg
Freiburg im Breisgau
Krefeld
Mainz
Lübeck
Erfurt
Oberhausen
Rostock
Kassel
Hagen
Potsdam
Saarbrücken
Hamm
Ludwigshafen
Oldenburg
Mülheim an der Ruhr
Osnabrück
Leverkusen
Darmstadt
Heidelberg
Solingen
Herne
Regensburg
Neuss
Paderborn
Ingolstadt
Offenbach
Fürth
Würzburg
Ulm
Heilbronn
Pforzheim
Wolfsburg
Göttingen
Bottrop
Reutlingen
Koblenz
Bremerhaven
Recklinghausen
Erlangen
Bergisch Gladbach
Remscheid
Jena
Trier
Salzgitter
Moers
Siegen
Hildesheim
Cottbus
Gütersloh
Kaiserslautern
Schwerin
Witten
Gera
Iserlohn
Zwickau
Düren
Esslingen
Ratingen
Tübingen
Konstanz
Flensburg
Marburg
Gießen
Bamberg
Bayreuth
Passau
Rosenheim
Landshut
Wien
Vienna
Graz
Linz
Salzburg
Innsbruck
Klagenfurt
Villach
Wels
St. Pölten
Dornbirn
Wiener Neustadt
Steyr
Feldkirch
Bregenz
Leoben
Zürich
Zurich
Genf
Geneva
Genève
Basel
Bern
Lausanne
Winterthur
Luzern
Lucerne
St. Gallen
Lugano
Biel
Thun
Schaffhausen
Chur
Fribourg
Neuchâtel
Zug
London
Birmingham
Manchester
Liverpool
Leeds
Sheffield
Bristol
Glasgow
Edinburgh
Leicester
Coventry
Bradford
Cardiff
Belfast
Nottingham
Kingston upon Hull
Hull
Newcastle
Newcastle upon Tyne
Stoke-on-Trent
Southampton
Derby
Portsmouth
Brighton
Plymouth
Northampton
Reading
Luton
Wolverhampton
Bolton
Aberdeen
Bournemouth
Norwich
Swindon
Swansea
Southend-on-Sea
Middlesbrough
Milton Keynes
Sunderland
Peterborough
Oxford
Cambridge
York
Dundee
Exeter
Ipswich
Blackpool
Huddersfield
Preston
Gloucester
Warrington
Slough
Wakefield
Doncaster
Oldham
Stockport
Salford
Bath
Canterbury
Chester
Worcester
Lincoln
Carlisle
Inverness
New York
New York City
Los Angeles
Chicago
Houston
Phoenix
Philadelphia
San Antonio
San Diego
Dallas
San Jose
Austin
Jacksonville
Fort Worth
Columbus
Charlotte
San Francisco
Indianapolis
Seattle
Denver
Washington
Boston
El Paso
Nashville
Detroit
Oklahoma City
Portland
Las Vegas
Memphis
Louisville
Baltimore
Milwaukee
Albuquerque
Tucson
Fresno
Sacramento
Kansas City
Atlanta
Omaha
Colorado Springs
Raleigh
Miami
Long Beach
Virginia Beach
Oakland
Minneapolis
Tulsa
Tampa
Arlington
New Orleans
Wichita
Cleveland
Bakersfield
Aurora
Anaheim
Honolulu
Riverside
Pittsburgh
St. Louis
Cincinnati
Orlando
Buffalo
Newark
Salt Lake City
Brooklyn
Bronx
Queens
Manhattan
""")

AMBIGUOUS_CITIES = _words("""
Essen Halle Hamm Hagen Wels Zug Thun Reading Bath Hull Derby Chester Lincoln Austin
Charlotte Aurora Orlando Washington Riverside Buffalo Queens Phoenix Columbus Preston
Worcester Bolton Wakefield
""")

# Countries, states and regions: above the level Safe Harbor asks to remove. Not flagged.
REGIONS = _lines("""
Deutschland
Germany
Österreich
Austria
Schweiz
Switzerland
England
Schottland
Scotland
Wales
Irland
Ireland
Nordirland
Northern Ireland
Großbritannien
Great Britain
Britain
United Kingdom
UK
USA
United States
Amerika
America
Kanada
Canada
Frankreich
France
Italien
Italy
Spanien
Spain
Portugal
Niederlande
Netherlands
Holland
Belgien
Belgium
Luxemburg
Luxembourg
Dänemark
Denmark
Schweden
Sweden
Norwegen
Norway
Finnland
Finland
Island
Iceland
Polen
Poland
Tschechien
Czechia
Czech Republic
Slowakei
Slovakia
Ungarn
Hungary
Rumänien
Romania
Bulgarien
Bulgaria
Griechenland
Greece
Türkei
Turkey
Kroatien
Croatia
Serbien
Serbia
Bosnien
Bosnia
Kosovo
Albanien
Albania
Slowenien
Slovenia
Mazedonien
Nordmazedonien
Macedonia
Ukraine
Russland
Russia
Belarus
Weißrussland
Moldau
Moldova
Litauen
Lithuania
Lettland
Latvia
Estland
Estonia
Georgien
Armenien
Armenia
Aserbaidschan
Azerbaijan
Kasachstan
Kazakhstan
Syrien
Syria
Irak
Iraq
Iran
Afghanistan
Pakistan
Indien
India
Bangladesch
Bangladesh
Sri Lanka
China
Japan
Korea
Vietnam
Thailand
Philippinen
Philippines
Indonesien
Indonesia
Malaysia
Australien
Australia
Neuseeland
New Zealand
Israel
Palästina
Palestine
Libanon
Lebanon
Jordanien
Jordan
Saudi-Arabien
Saudi Arabia
Ägypten
Egypt
Libyen
Libya
Tunesien
Tunisia
Algerien
Algeria
Marokko
Morocco
Eritrea
Äthiopien
Ethiopia
Somalia
Sudan
Nigeria
Ghana
Kenia
Kenya
Kamerun
Cameroon
Kongo
Congo
Südafrika
South Africa
Brasilien
Brazil
Mexiko
Mexico
Argentinien
Argentina
Chile
Kolumbien
Colombia
Peru
Venezuela
Kuba
Cuba
Jamaika
Jamaica
Europa
Europe
Afrika
Africa
Asien
Asia
Nordamerika
Südamerika
Baden-Württemberg
Bayern
Bavaria
Brandenburg
Hessen
Hesse
Niedersachsen
Lower Saxony
Mecklenburg-Vorpommern
Nordrhein-Westfalen
North Rhine-Westphalia
NRW
Rheinland-Pfalz
Saarland
Sachsen
Saxony
Sachsen-Anhalt
Schleswig-Holstein
Thüringen
Thuringia
Westfalen
Rheinland
Franken
Schwaben
Allgäu
Ruhrgebiet
Ostsee
Nordsee
Niederösterreich
Oberösterreich
Steiermark
Styria
Kärnten
Carinthia
Tirol
Tyrol
Vorarlberg
Burgenland
Tessin
Wallis
Graubünden
Aargau
Cornwall
Devon
Yorkshire
Kent
Essex
Surrey
Lancashire
Midlands
Alabama
Alaska
Arizona
Arkansas
California
Kalifornien
Colorado
Connecticut
Delaware
Florida
Georgia
Hawaii
Idaho
Illinois
Indiana
Iowa
Kansas
Kentucky
Louisiana
Maine
Maryland
Massachusetts
Michigan
Minnesota
Mississippi
Missouri
Montana
Nebraska
Nevada
New Hampshire
New Jersey
New Mexico
North Carolina
North Dakota
Ohio
Oklahoma
Oregon
Pennsylvania
Rhode Island
South Carolina
South Dakota
Tennessee
Texas
Utah
Vermont
Virginia
West Virginia
Wisconsin
Wyoming
""")

US_STATE_CODES = _words("""
AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ
NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC
""")

# Capitalised words after "in/from/near" that are not places (English).
NOT_PLACES_EN = _words("""
English German French Spanish Italian Polish Turkish Arabic Russian Urdu Punjabi Hindi
Bengali Chinese Mandarin Cantonese Japanese Portuguese Somali Kurdish Farsi Dutch Greek
Latin Welsh Irish Scottish British American European African Asian Christian Catholic
Protestant Muslim Jewish Hindu Buddhist Sikh Islam Judaism God Heaven Hell Church Year
Week Day Room Ward Bed Bay Chapter Part Section Block Level Floor Session Group Term
Reception Theatre Recovery Outpatients Resus Paediatrics Pediatrics Psychiatry Oncology
Surgery Medicine Cardiology Neurology Radiology Maternity Practice Hospital Clinic Mum Dad
Mom Nan Grandma Grandpa Spring Summer Autumn Winter Fall Mind Person Total General
Private Public Care Health Social Services Team Trust Court Prison Jail School College
University Uni Work Therapy Hospice Covid Corona Lockdown Parliament Government Council
Dr Mr Mrs Ms Miss Sir
""")

# --- German nouns --------------------------------------------------------------------------

# Common German nouns that follow "in/aus/nach" or a title without an article, and other
# everyday nouns a note may contain. Used to tell "aus Angst" from "aus Dorfen".
GERMAN_NOUNS = _words("""
Angst Ängsten Scham Schuld Wut Zorn Trauer Liebe Hass Sorge Sorgen Not Panik Verzweiflung
Eifersucht Neugier Frust Langeweile Respekt Trotz Mitleid Mitgefühl Rücksicht Pflichtgefühl
Gewohnheit Erfahrung Erfahrungen Versehen Prinzip Spaß Interesse Überzeugung Gründen Grund
Sicht Zeitgründen Zeitnot Hause Haus Heim Heimat Ruhe Rente Pension Behandlung Therapie
Zukunft Vergangenheit Gegenwart Gedanken Gedanke Frage Fragen Ordnung Kontakt Teilzeit
Vollzeit Elternzeit Mutterschutz Urlaub Kur Reha Pflege Haft Tränen Wirklichkeit Wahrheit
Gefahr Eile Bewegung Absprache Rücksprache Begleitung Ausbildung Schwangerschaft Schichten
Form Kürze Zeiten Zeit Richtung Bezug Folge Höhe Anwesenheit Abwesenheit Feierabend
Dienstschluss Dienst Plan Bedarf Wunsch Jahren Jahre Jahr Wochen Woche Monaten Monate Monat
Tagen Tage Tag Stunden Stunde Minuten Minute Sekunden Mitternacht Mittag Abend Abends
Morgen Morgens Nacht Nachts Vormittag Nachmittag Ansicht Meinung Aussage Angaben Art
Vorschrift Lust Laune Luft Hilfe Nähe Anerkennung Schmerzmitteln Schmerzen Schmerz
Alkohol Drogen Tabletten Medikamenten Operation Geburt Entlassung Diagnose Chemo Tod
Schlaganfall Herzinfarkt Infarkt Sturz Unfall Trennung Scheidung Streit Vorgabe Hinblick
Anführungszeichen Deutsch Englisch Türkisch Russisch Arabisch Polnisch Französisch
Italienisch Spanisch Medizin Psychiatrie Psychosomatik Onkologie Neurologie Kardiologie
Chirurgie Innere Notaufnahme Ambulanz Station Intensivstation Aufnahme Praxis Klinik
Klinikum Krankenhaus Spital Hospital Pflegeheim Altenheim Heimen Kirche Moschee Schule
Kita Kindergarten Arbeit Beruf Job Büro Firma Werkstatt Gefängnis Knast Stadt Dorf Land
Wohnung Zimmer Küche Bett Garten Keller Auto Bus Bahn Zug Taxi Rettungswagen Krankenwagen
Mensch Menschen Person Personen Leute Familie Familien Kinder Kind Eltern Mutter Vater
Tochter Sohn Bruder Schwester Oma Opa Tante Onkel Ehe Partnerschaft Beziehung Gespräch
Gespräche Gesprächen Sitzung Sitzungen Runde Gruppe Gruppen Team Kollegen Kolleginnen
Patienten Patientinnen Ärzten Ärzte Ärztinnen Pflegekräften Zukunftsangst Existenzangst
Frieden Krieg Flucht Asyl Armut Schulden Geld Hunger Durst Schlaf Träumen Traum Trance
Stille Schweigen Worten Wort Sprache Bildern Bild Farbe Gefühl Gefühle Gefühlen Ohnmacht
Hoffnung Glück Pech Zufall Ende Anfang Beginn Mitte Hälfte Teil Teilen Prozent Euro Cent
Stufe Grad Phase Schritt Schritten Ruhestand Arbeitslosigkeit Krankheit Krankschreibung
Quarantäne Isolation Lockdown Corona Covid Krebs Demenz Depression Psychose Sucht
Gott Himmel Hölle Not Nöten Wirklichkeit Zweifel Zweifelsfall Notfall Notfällen Eigenregie
Ruhe Stress Druck Konflikt Konflikten Krise Krisen Trance Tränen Verbindung Verantwortung
Vertretung Urlaubsvertretung Vertrauen Misstrauen Kontrolle Sicherheit Unsicherheit
Abstand Distanz Kontakt Sicht Blick Gesicht Stimme Körper Kopf Herz Bauch Rücken Seele
Zusammenhang Zusammenarbeit Absicht Vorsicht Ausnahme Ausnahmen Regel Regeln Ordnung
Ehrenamt Teilzeitarbeit Schicht Nachtschicht Frühschicht Spätschicht Nachtdienst
Bereitschaft Rufbereitschaft Hausbesuch Hausbesuche Sprechstunde Sprechzimmer Wartezimmer
Termin Termine Terminen Absage Zusage Rückruf Anruf Brief Briefen Mail Mails Nachricht
Ostern Weihnachten Pfingsten Silvester Urlaubszeit Ferien Sommer Winter Frühling Herbst
Kollegin Kollege Doktor Doktorin Mama Papa Nachbarin Nachbar Freundin Freund
Nord Süd Ost West
""")

GERMAN_NOUN_SUFFIXES = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft",
                        "schaften", "tion", "tionen", "ität", "itäten", "nis", "nisse",
                        "nissen", "tum", "ismus", "ment", "ments", "chen", "lein", "ling",
                        "linge", "enz", "anz", "ie", "ien", "ik", "ur", "or", "oren", "ei",
                        "gie", "sion", "sionen", "erin", "erinnen", "ärztin", "arzt")

# Capitalised words that never start a name or a place (both languages).
STOP_CAPITALS = _words("""
The A An This That These Those There Here Then When While After Before Since Until If
But And Or So Yet Not No Yes Only Just Still Also Again Always Never Sometimes Often
What Why How Who Where Which Whose Whom Note Notes Notiz Notizen Case Fall Patient
Patientin Call Email Mail Fax Tel Phone Text Letter Brief Seen Saw Met Visit Visited
He She They We I You It His Her Their Our My Your Its Him Them Us Me Mine
Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ihr Ihre Ihren
Ihrem Ihrer Ihnen Ich Du Man Mein Meine Meinen Meinem Meiner Sein Seine Seinen Seinem
Seiner Unser Unsere Kein Keine Dieser Diese Dieses Diesen Diesem Jener Jede Jeder Jedes
Und Oder Aber Doch Denn Dann Wenn Weil Als Ob Dass Nach Vor Seit Bis Bei Mit Von Zu Aus
In Im Am An Auf Um Für Über Unter Zwischen Neben Hinter Durch Gegen Ohne Trotz Wegen
Heute Gestern Morgen Jetzt Noch Schon Nie Immer Oft Wieder Erst Nur Auch Sehr Ganz
Herzlich Liebe Lieber Hallo Danke Bitte Ja Nein OK Okay
""")

# --- institutions and streets --------------------------------------------------------------

INSTITUTION_WORDS_DE = _words("""
Klinikum Klinik Kliniken Krankenhaus Kreiskrankenhaus Kreisklinik Uniklinik Uniklinikum
Universitätsklinikum Universitätsklinik Spital Kantonsspital Landesspital Hospital
Krankenanstalt Praxis Gemeinschaftspraxis Hausarztpraxis Pflegeheim Altenheim Seniorenheim
Seniorenzentrum Seniorenresidenz Hospiz Rehaklinik Reha-Klinik Reha-Zentrum MVZ Sanatorium
Stift Diakonie Diakonissenkrankenhaus Evangelisches Katholisches
""")
# German institution words that may also end a hyphenated or "St." name: "St. Josef-Hospital".
INSTITUTION_SUFFIXES_DE = ("Hospital", "Klinik", "Klinikum", "Kliniken", "Krankenhaus",
                           "Spital", "Stift", "Hospiz", "Heim", "Zentrum")
# Words that make "X-Klinik" generic rather than a name: "Reha-Klinik", "Tages-Klinik".
GENERIC_INSTITUTION_PREFIXES = _words("""
Reha Tages Kinder Frauen Privat Fach Uni Akut Psych Schmerz Sucht Kur Herz Augen Haut
Zahn Spezial Universitäts Kreis Stadt Land Bezirks Landes Kantons Bundes Notfall Geburts
Mutter Kind Jugend Senioren Alten Pflege Kurz Lang Tag Nacht Day Night Walk
""")
# Words after an institution word that are still part of its name: "Klinikum Süd".
INSTITUTION_NAME_WORDS = _words("""
Nord Süd Ost West Mitte Nordwest Nordost Südwest Südost Innenstadt Altstadt Neustadt
""")

INSTITUTION_HEADS_EN = _lines("""
Hospital
Hospitals
Infirmary
Clinic
Medical Centre
Medical Center
Health Centre
Health Center
Surgery
Practice
Care Home
Nursing Home
Residential Home
Retirement Home
Hospice
Sanatorium
Asylum
""")
# Descriptive words: "the Memory Clinic", "the Pain Clinic" are services, not places.
GENERIC_SERVICE_WORDS_EN = _words("""
Memory Pain Fracture Diabetes Diabetic Sleep Fertility Eating Disorders Disorder Walk-in
Walk Children's Childrens Women's Womens Men's Mental Health Heart Eye Skin Dental Sexual
Family Antenatal Maternity Cancer Day Night Private Local General Community District
Psychiatric Psychiatry Teaching University Cottage Specialist Outpatient Outpatients
Pediatric Paediatric Addiction Drug Alcohol Methadone Gender Weight Obesity Asthma
Allergy Baby Well Travel Minor Injuries Injury Urgent Emergency Rehab Rehabilitation
Stroke Neurology Cardiology Oncology Renal Dialysis Respiratory Physio Physiotherapy
GP Dentist Dentist's Vet Vet's Our My The A An Her His Their Your This That Same Other
New Old Big Small Nearest Next Last First Main Central Hospital Clinic
""")

STREET_SUFFIXES_DE_FREE = ("straße", "strasse", "str.", "gasse", "allee")
STREET_SUFFIXES_DE_NUMBERED = ("weg", "platz", "ring", "damm", "ufer", "chaussee", "steig",
                               "pfad", "markt", "berg", "hof", "garten", "wall", "graben")
# Compounds that end like a street but are ordinary nouns.
NOT_STREETS_DE = _words("""
Straße Strasse Landstraße Bundesstraße Einbahnstraße Seitenstraße Nebenstraße Querstraße
Hauptverkehrsstraße Autostraße Dorfstraßen Sackgasse Allee
""")
STREET_WORDS_EN_FREE = ("Street", "Road", "Avenue", "Lane", "Crescent", "Terrace",
                        "Boulevard", "Gardens", "Grove", "Mews")
STREET_WORDS_EN_NUMBERED = STREET_WORDS_EN_FREE + (
    "St", "St.", "Rd", "Rd.", "Ave", "Ave.", "Ln", "Drive", "Close", "Way", "Place",
    "Square", "Court", "Row", "Walk", "Hill", "Park", "Parade", "Blvd", "Blvd.")

# English past-tense verbs that show a capitalised word before them is a person:
# "April cried", "Grace asked". Regular "-ed" forms are recognised by their ending.
PAST_TENSE_EN = _words("""
said told came went wrote rang phoned called cried asked wept left took gave brought
sat stood ran fell felt kept thought knew saw met got made began spoke sent forgot
""")
