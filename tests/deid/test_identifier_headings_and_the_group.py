"""A note's heading names where its writer works ("Ward sister, Ninewells."); the group's
own leader and members named in a note are no patients ("our leader Ruth said"); a full
stop after a title that is a whole word ends a sentence ("Pastor. I buried"). Invented
sentences only. No database."""

from __future__ import annotations

import pytest

from balintroom.deid.identifiers import find_identifiers

from .findings import found


@pytest.mark.parametrize(("text", "language", "place"), [
    ("Ward sister, Glenrothie. The man in bay 4 asks for his wife every night.", "en",
     "Glenrothie"),
    ("Community midwife, Kirkwhelpington. Second baby, home birth planned.", "en",
     "Kirkwhelpington"),
    ("Paramedic, Quambatook. Old fella on the verandah, ninety-one.", "en", "Quambatook"),
    ("Hausärztin, Obertrubach. Herr K. kommt jede Woche wegen des Rückens.", "de",
     "Obertrubach"),
    ("Marrowfield, ward 7. She asked me to ring her daughter.", "en", "Marrowfield"),
    # towns that are also first names or words, named in the heading as the workplace
    ("Youth worker, Kingston. The lad came back on his own.", "en", "Kingston"),
    ("Social worker, Regina. The grandmother wants custody.", "en", "Regina"),
    ("Community nurse in Katherine. The old man wants to go back to country.", "en",
     "Katherine"),
    # a workplace after a part of the work, in ordinary words, an abbreviation, a namesake's
    # title, "the"
    ("Lecturer, nursing, Ulster University. The student failed her placement.", "en",
     "Ulster University"),
    ("Counsellor, Sea Point. She gave me her new address.", "en", "Sea Point"),
    ("Psych resident, CAMH. He keeps asking if I'm real.", "en", "CAMH"),
    ("ED nurse, Lady Cilento. The boy came in with a neighbour.", "en", "Lady Cilento"),
    ("Midwife, the Rotunda. Second baby, wanted a home birth.", "en", "Rotunda"),
    ("Teacher at a remote school, Yuendumu. Kids call me Miss.", "en", "Yuendumu"),
    ("Tierärztin, Kleintierpraxis Rheinaue, Bonn. Der Hund ist alt.", "de",
     "Kleintierpraxis Rheinaue"),
    # a district in brackets, a place inside a part, a town of a first name's name
    ("GP, Cardiff (Llanrumney). The man who sings to me.", "en", "Llanrumney"),
    ("Pharmacist, Boots in Red Deer. A teen buying Plan B.", "en", "Red Deer"),
    ("Teacher, Year 6, Te Awamutu. The boy draws me crying.", "en", "Te Awamutu"),
    ("GP trainee, Nelson. She asked me to be her proper doctor.", "en", "Nelson"),
])
def test_the_workplace_in_a_heading_is_a_place(text: str, language: str, place: str) -> None:
    assert ("place", place) in found(text, language)
    assert ("name", place) not in found(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Our leader, Siobhan, asked whether the patient would know herself.", "en"),
    ("Hörgerät, Seriennr. HG-7781-20554, wieder verschwunden.", "de"),
    ("Hausgeburt, Erstgebärende, Partner gegen Klinik.", "de"),
    ("Lifer, Anglican, wants to be confirmed before his hearing.", "en"),
    ("Phone consult, Samantha Lowther, ring back after 4.", "en"),
    # a case label's patient, age and diagnoses, a school year's subjects, a family
    ("Boy aged 11, ADHD, methylphenidate, mother blames the teachers.", "en"),
    ("Mann, 45, Morbus Crohn, Stoma, Scham.", "de"),
    ("Kindeswohlgefährdung, Eltern Reichsbürger, Termin Mittwoch.", "de"),
    ("Year 11, GCSEs, panic attacks, dad inside.", "en"),
    ("NICU, twin boys, the Okafors, born at 26 weeks.", "en"),
    ("Nurse, Intensive Care. The man in bed 4 asked for his wife.", "en"),
    ("Referral form, Section B. Low mood, poor sleep.", "en"),
    ("palliative, 60s, Motor Neurone Disease, wants to go to Switzerland", "en"),
    ("NHI ZAC4471, Mere Tautahi, missed three appointments.", "en"),
])
def test_a_heading_of_words_people_and_labels_names_no_workplace(text: str,
                                                                 language: str) -> None:
    assert not [t for c, t in found(text, language) if c == "place"]


@pytest.mark.parametrize(("text", "language", "member"), [
    ("Our leader Ruth asked whether I liked her. Ruth said that wasn't the question.", "en",
     "Ruth"),
    ("Balint notes. Leader Dr Sharma asked me whether I felt like a daughter.", "en",
     "Dr Sharma"),
    ("Wednesday: Priya from the group ran it, and I brought the widow.", "en", "Priya"),
    ("Unsere Leiterin, Frau Dr. Wendland, hat gefragt, wem ich böse bin.", "de",
     "Frau Dr. Wendland"),
    ("Diese Woche hat Frau Dr. Ammann, unsere Balintleiterin, selbst einen Fall gebracht.",
     "de", "Frau Dr. Ammann"),
    ("Joan (leads it) asked what I wanted from her.", "en", "Joan"),
    ("Our group is led by a retired GP, Maureen, who says little.", "en", "Maureen"),
    ("Claire, notre animatrice, m'a demandé ce que je ressentais.", "fr", "Claire"),
    ("Thierry (le leader) a juste souri.", "fr", "Thierry"),
    ("Notre animateur, le Dr Alain Roux, a interrompu le récit.", "fr", "Dr Alain Roux"),
    ("Dans le groupe, Nadia a présenté une patiente très jeune.", "fr", "Nadia"),
    ("Sabine aus der Gruppe meinte, ich sei zu streng.", "de", "Sabine"),
    ("Gruppe heute mit Ursula als Leitung, mein Fall kam dran.", "de", "Ursula"),
    ("In der Balintgruppe hat Dr. Falk gefragt, wem ich helfen will.", "de", "Dr. Falk"),
    ("Fallvorstellung, Leitung Frau Dr. Brandl. Mein Patient schweigt.", "de",
     "Frau Dr. Brandl"),
    ("Η Σοφία, η συντονίστριά μας, με ρώτησε τι ένιωσα.", "el", "Σοφία"),
    ("Ο Μιχάλης (παιδίατρος, από την ομάδα μας) είπε το ίδιο.", "el", "Μιχάλης"),
    ("Στην ομάδα μας η Δέσποινα είπε ότι θυμώνω.", "el", "Δέσποινα"),
    ("Ομάδα, 3/10: Παρουσίασε ο Χαράλαμπος (παθολόγος). Ασθενής: Δώρα Σ., 44.", "el",
     "Χαράλαμπος"),
    ("Réunion du groupe : la patiente dont Christophe s'occupe, et moi.", "fr", "Christophe"),
    ("Je suis malade. Je pense au groupe, surtout à Lucie qui devait présenter.", "fr",
     "Lucie"),
    ("Séance d'hier : je retiens la phrase de Nicole sur l'amour des patients.", "fr",
     "Nicole"),
    ("Bonjour à tous, je présenterai le 15 avril à la séance. Amicalement, Thierry", "fr",
     "Thierry"),
    ("Bonjour, nouvelle adresse du cabinet. La séance de rentrée aura lieu là-bas. Marc",
     "fr", "Marc"),
    ("Leader's reflections. Eight present. Case from Jonas: a woman who brings her husband.",
     "en", "Jonas"),
    ("Co-leader debrief. Only five came. Diarmuid presented Mrs F., the woman who calls.",
     "en", "Diarmuid"),
    ("Leader notes. Rahul's patient, the young man with the tremor, and then silence.", "en",
     "Rahul"),
    ("Leader notes. Presenter (Marguerite) read out the patient's name.", "en", "Marguerite"),
    ("The group felt flat tonight. Sinéad said it was the weather, Paul said it was February.",
     "en", "Sinéad"),
    ("Dear all, I'm ill for the group. Gemma, could you co-lead with Abdul?", "en", "Abdul"),
    ("Gruppenleitung – Notizen. Fallgeberin: Dr. Ines Wagner (Gynäkologin), Thema: Abbruch.",
     "de", "Dr. Ines Wagner"),
    ("Balint – Notiz nach dem Abend. Falleinbringer Stefan (Polizei). Einsatz am Bahnübergang.",
     "de", "Stefan"),
    ("Protokollnotiz der Gruppe: Fallgeber war Felix. Die Gruppe blieb still.", "de", "Felix"),
    ("Heute meine erste Sitzung als Co-Leiterin mit Gerhard. Ein schwerer Fall.", "de",
     "Gerhard"),
    ("Leader – séance 6\nCas apporté par Jonathan : M. Dimitri Papadopoulos, 48 ans.", "fr",
     "Jonathan"),
    ("Feuillet de l'animateur\nPrésentation de Rachid : M. et Mme Lemoine, retraités.", "fr",
     "Rachid"),
    ("Notes de supervision – séance du 22/02\nCas de Nadia (médecin scolaire) sur un élève.",
     "fr", "Nadia"),
    ("Compte-rendu (co-animation Martine / Jean-Paul), 3 octobre.", "fr", "Jean-Paul"),
    ("Compte rendu de séance\nPrésents : Anne, Bertrand, Élodie, Fabien.", "fr", "Élodie"),
    ("Σημειώσεις συντονιστή\nΠαρόντες: Ελένη, Θοδωρής, Ρένα και Μιχάλης.", "el", "Ρένα"),
    ("Συντονίστρια – Σημειώσεις της ομάδας\nΗ Νίκη έφερε απόψε μια πολύ ωμή περίπτωση.", "el",
     "Νίκη"),
    ("Σημειώσεις ομάδας 14/3\nΠαρουσίαση της Ζωής (μαία): γυναίκα που γέννησε.", "el", "Ζωής"),
    ("Σημειώσεις αρχηγού ομάδας\nΗ Ράνια (φαρμακοποιός) μίλησε για έναν πελάτη.", "el",
     "Ράνια"),
])
def test_the_groups_own_leader_and_members_named_in_a_note_are_no_patients(
        text: str, language: str, member: str) -> None:
    names = [t for c, t in found(text, language) if c == "name"]
    assert not any(member.split()[-1] in name for name in names), names


def test_a_patient_beside_the_leader_is_still_found() -> None:
    text = "Our leader Ruth asked about Mrs Pendleworth and her son."
    assert ("name", "Mrs Pendleworth") in found(text, "en")
    text = "Η Σοφία, η συντονίστριά μας, ρώτησε για την κυρία Βλαχάκη."
    assert ("name", "κυρία Βλαχάκη") in found(text, "el")


@pytest.mark.parametrize(("text", "language"), [
    ("Pastor. I buried a man last week that I never met.", "en"),
    ("Judge. Sentencing day, and his mother looked at me.", "en"),
    ("Nurse. I looked after my old teacher in her last week.", "en"),
])
def test_a_full_stop_after_a_whole_word_title_ends_the_sentence(text: str,
                                                                 language: str) -> None:
    assert [f for f in find_identifiers(text, language, with_tagger=False)
            if f.category == "name"] == []


@pytest.mark.parametrize(("text", "language", "name"), [
    ("Häftl. Petrović, JVA Stein, will reden.", "de", "Häftl. Petrović"),
    ("Dr. Okonkwo rang back at six.", "en", "Dr. Okonkwo"),
])
def test_an_abbreviated_title_keeps_its_dot(text: str, language: str, name: str) -> None:
    assert ("name", name) in found(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("Equidenpass-Nr. 276009810245517, die Stute steht im Reitstall.", "de"),
    ("Er holt für seine Frau Tramadol, jeden Morgen.", "de"),
])
def test_number_labels_and_medicines_after_a_title_are_no_one(text: str,
                                                               language: str) -> None:
    assert not [t for c, t in found(text, language) if c == "name"]


@pytest.mark.parametrize(("text", "place"), [
    ("KJP, Tagesklinik Sonnenhalde. Der Junge malt.", "Tagesklinik Sonnenhalde"),
    ("Geburtshaus Lichtblick, die Frau will keine Einleitung.", "Geburtshaus Lichtblick"),
    ("Alterszentrum Sonnmatt, Frau B. sagt Grüessech.", "Alterszentrum Sonnmatt"),
    ("Zahnarztpraxis am Schlossberg, er kommt in Tracht.", "Zahnarztpraxis am Schlossberg"),
])
def test_german_practices_homes_and_schools_by_name(text: str, place: str) -> None:
    assert ("place", place) in found(text, "de")


@pytest.mark.parametrize("text", [
    "Der Junge steht nach der Schule an der Fritteuse.",
    "Im Heim Leben ist schwer, sagt er.",
    "Anhörung im Heim am Di. 18.6.",
])
def test_a_school_or_home_in_passing_is_no_place(text: str) -> None:
    assert [t for c, t in found(text, "de") if c == "place"] == []


@pytest.mark.parametrize(("text", "place"), [
    ("Welfare check at 4410 N Clark St, nobody answered.", "4410 N Clark St"),
    ("Nurse, Ninewells, Ward 12. She calls me by my surname.", "Ward 12"),
    ("She works at the Boots on Union Street, everyone knows her.", "Boots"),
])
def test_us_addresses_wards_after_a_hospital_and_a_shops_branch(text: str, place: str) -> None:
    assert ("place", place) in found(text, "en")


def test_a_chain_alone_is_no_place() -> None:
    assert [t for c, t in found("She lost her job at Tesco in the spring.", "en")
            if c == "place"] == []


@pytest.mark.parametrize(("text", "language", "member"), [
    ("Oberarzt Dr. Kling, der die Gruppe leitet, hat gefragt, was ich fühle.", "de",
     "Oberarzt Dr. Kling"),
    ("Gedanken nach der Gruppe: Ursula hat mich gefragt, ob ich sie mag.", "de", "Ursula"),
    ("Ruth, who leads the group, asked me what I wanted.", "en", "Ruth"),
])
def test_the_leader_named_as_the_one_who_leads(text: str, language: str, member: str) -> None:
    names = [t for c, t in found(text, language) if c == "name"]
    assert not any(member.split()[-1] in name for name in names), names


@pytest.mark.parametrize(("text", "member"), [
    ("Group tonight: Ruth (leader), Tom, Aisling, me, the two new pharmacists.", "Aisling"),
    ("Group tonight: Ruth (leader), Tom, Aisling, me, the two new pharmacists.", "Ruth"),
    ("Anwesend: Ute, Jens und ich. Es ging um eine Patientin mit Schmerzen.", "Jens"),
    ("after group - Aisling's case was about a baby. it stayed with me.", "Aisling"),
    ("Midwifery group. Listened to Ciara's case about the stillbirth.", "Ciara"),
])
def test_who_came_and_whose_case_it_was_are_the_group(text: str, member: str) -> None:
    assert ("name", member) not in found(text)


@pytest.mark.parametrize(("text", "patient"), [
    ("Group: Dermot again. He's the porter's son.", "Dermot"),  # one name is no roll call
    ("Jim's case worker rang me about him before the group.", "Jim"),
])
def test_a_patient_beside_the_group_is_still_found(text: str, patient: str) -> None:
    assert ("name", patient) in found(text, "en")


def test_who_led_the_evening_is_the_group() -> None:
    assert ("name", "Tom") not in found("March session. Ruth away; Tom led. Different group.")


@pytest.mark.parametrize(("text", "member"), [
    ("Group on Monday. Leader (Morwenna) asked us to imagine being his wife.", "Morwenna"),
    ("Ifeoma in our group asked who I was treating, him or the hospital.", "Ifeoma"),
    ("Après la séance. Lucie (du groupe) a dit que je parlais de lui comme d'un fils.",
     "Lucie"),
    ("Après la séance. Karim, du groupe, a raconté un cas très proche du mien.", "Karim"),
    ("Care home group. Tobias presented the woman who sings hymns at night.", "Tobias"),
    ("Notes after group: Fenella brought the boy with cystic fibrosis.", "Fenella"),
    ("Premier groupe Balint. J'ai écouté Sylvie présenter un patient.", "Sylvie"),
    # the one who speaks in a note about the group
    ("Silence in the group. Then Priya said she'd leave him.", "Priya"),
    ("Group, week 11: I said I'm bored by him. Nobody gasped. Tomasz nodded.", "Tomasz"),
    ("Nach dem Gruppenabend: Annegret hat gesagt, ich klinge wie eine Beschützerin.",
     "Annegret"),
    ("Kollege Torben hat in der Gruppe einen ähnlichen Fall vorgestellt.", "Torben"),
    ("Notizen nach der Sitzung: Leitung (Frau Reinholz) hat mich gefragt.", "Frau Reinholz"),
    ("Je l'ai dit en groupe et Pascal a répondu « et si c'était elle ».", "Pascal"),
    ("Dans notre groupe Balint, Anne-Marie (qui anime) a dit qu'on parlait trop.",
     "Anne-Marie"),
    ("Σημειώσεις από την ομάδα: όταν ο Πέτρος είπε ότι οι ασθενείς μάς διαλέγουν.",
     "Πέτρος"),
    ("Tonight Orla brought the case of the man with the biscuit tin.", "Orla"),
    ("Bit shaky today. The case Ilse brought was almost my own father's death.", "Ilse"),
    ("Group member Wendell asked whether I like the patient.", "Wendell"),
    ("As Morag said in the group, we all have a patient we dread.", "Morag"),
    ("I used 'manipulative' four times in the session. Ottilie pointed it out.", "Ottilie"),
    # who writes to the group, and to whom
    ("Hi Ruth, sorry I can't make the group on Tuesday. Best, Siobhan", "Ruth"),
    ("Hi Ruth, sorry I can't make the group on Tuesday. Best, Siobhan", "Siobhan"),
    ("Can't make this Thursday. Dentist. Sorry — Marcus", "Marcus"),
    ("Liebe Frau Dr. Weber, ich schaffe es heute nicht. Meine Tochter hat Fieber. Grüße, "
     "Karin", "Karin"),
    ("Μην ξεχάσετε τη φόρμα αξιολόγησης της ομάδας. Ευχαριστώ, Ανδρέας", "Ανδρέας"),
    ("Γεια σας, είμαι η Χαρά, νέα στην ομάδα. Θα ήθελα να φέρω μια περίπτωση.", "Χαρά"),
    ("Hi all, I'm Priya, new to the group. My patient worries me.", "Priya"),
    # a leader's notes: who presented, who came, who was excused
    ("Sitzung 5.11.: Fall von Elif (Pflege, Intensiv): Patientin, 57, nach Reanimation.",
     "Elif"),
    ("Abend vom 8.5.: Fall Jutta (Apothekerin). Stammkundin, die Benzos holt. Gruppe still.",
     "Jutta"),
    ("Fallbesprechung: vorgestellt von Lukas, Assistenzarzt. Die Gruppe war unruhig.", "Lukas"),
    ("Notiz zur Sitzung: Peter stellte Herrn Vukovic vor, Bauarbeiter, 49.", "Peter"),
    ("Sitzungsnotiz: Simone brachte den Fall einer Kollegin aus der Hebammenpraxis.", "Simone"),
    ("Gruppe Mittwoch, Co-Leitung mit Ulrike. Fall: Familie, 4 Kinder.", "Ulrike"),
    ("Sitzung 14 (Claudia und Stefan entschuldigt). Fall von Jürgen: Schmerzpatientin.",
     "Stefan"),
    ("Séance du 12 mars. Présents : 8. Excusés : Bernard, Agnès. Claire a présenté.", "Agnès"),
    ("Σημειώσεις από την ομάδα: παρουσίασε η Άννα για την κα Μ., 95.", "Άννα"),
    ("Leader notes, Monday. Ο Πέτρος παρουσίασε για τρίτη φορά στην ομάδα.", "Πέτρος"),
    ("Leader's notes, 5 Sept. Present: Amara, Luke, Hugo, me. Hugo presented a woman.",
     "Luke"),
    ("Notes for Dr Hale (group leader) - I won't be presenting next time. Tamsin", "Dr Hale"),
    ("Hallo zusammen, ich kann am 14. leider nicht kommen, Elternabend. LG Birgit", "Birgit"),
    ("Sehr geehrte Frau Dr. Wolf, danke für die Leitung der Gruppe. Mit lieben Grüßen, "
     "Franziska", "Frau Dr. Wolf"),
])
def test_a_member_who_presents_or_speaks_in_the_group_is_no_patient(
        text: str, member: str) -> None:
    assert ("name", member) not in found(text)


@pytest.mark.parametrize(("text", "patient"), [
    # a patient who asks the writer something, in a note that mentions the group
    ("Agnes asked me to phone her brother. The group asked whose forgiveness it was.",
     "Agnes"),
    ("For the group: Mr Pennock presented with chest pain for the third time.",
     "Mr Pennock"),
    # a patient who tells the writer something in the session, in a note for the group
    ("Milena hat mir in der dritten Stunde erzählt, dass ihr Vater im Krieg war. Die Gruppe"
     " fragte nach mir.", "Milena"),
    ("Nico hat in der Therapie gesagt, er trage ein Messer. Für die Gruppe.", "Nico"),
    # a patient who brings his family, in a note about the session
    ("Session on Thursday 16th, Olek brought his brother Piotr to translate.", "Olek"),
    # a relative's message pasted as the case: she and the one she writes to are named
    ("Hallo Frau Schubert, hier ist die Mama von Leonie. Sie kann morgen nicht zur "
     "Förderstunde. LG Sandra", "Sandra"),
    ("Hallo Frau Schubert, hier ist die Mama von Leonie. Sie kann morgen nicht zur "
     "Förderstunde. LG Sandra", "Frau Schubert"),
    # a case named after the patient, in a note for the group
    ("Vorab an die Leitung: Ich bringe am Mi den Fall Sophie (Kinderheim St. Josef) mit.",
     "Sophie"),
    ("Fall von Anna: 17 Jahre, Essstörung, in der Gruppe besprochen.", "Anna"),
])
def test_a_patient_who_speaks_in_a_note_about_the_group_is_still_found(
        text: str, patient: str) -> None:
    assert ("name", patient) in found(text)


@pytest.mark.parametrize(("text", "dates"), [
    ("session notes 11/1 - presented: woman, 40s, IBS.", ["11/1"]),
    ("Notes 12/9: tired. didn't present.", ["12/9"]),
    ("Sitzung 7/10: Feinmotorik besser, knöpfe gehen.", []),  # the seventh of ten sessions
])
def test_a_day_heading_the_notes_of_a_meeting(text: str, dates: list[str]) -> None:
    assert [t for c, t in found(text) if c == "date"] == dates


@pytest.mark.parametrize(("text", "place"), [
    ("She was admitted to Pinderfields last night.", "Pinderfields"),
    ("Pt: R. | Seen at Daisy Hill | OD x2", "Daisy Hill"),
    ("Aoife was booked with us at the Rotunda for her third.", "Rotunda"),
])
def test_where_a_patient_was_admitted_or_seen(text: str, place: str) -> None:
    assert ("place", place) in found(text, "en")


def test_units_specialties_and_doctors_are_no_such_place() -> None:
    text = ("She was admitted to ICU, transferred to Cardiology, discharged to Home and "
            "referred to Dr Ahmed.")
    assert [t for c, t in found(text, "en") if c == "place"] == []


@pytest.mark.parametrize("text", [
    "Probation officer, Maricopa County. Client, 22, who brings his baby.",
    "He moved to County Durham last year, then to Co. Kerry.",
    "EMT, volunteer fire company, Lancaster County PA. The Amish family.",
])
def test_a_county_is_a_region(text: str) -> None:
    assert [t for c, t in found(text, "en") if c in ("place", "name")] == []


def test_a_county_hospital_is_a_place() -> None:
    assert ("place", "Cook County Hospital") in found("She was at Cook County Hospital.", "en")


def test_a_colleagues_patient_in_a_group_note_names_the_colleague() -> None:
    text = "For the group: Dr. Ng's patient, Mr Tobias Wilde, sent me a long letter."
    names = [t for c, t in found(text, "en") if c == "name"]
    assert "Dr. Ng" in names and "Mr Tobias Wilde" in names


def test_a_case_named_after_a_child_with_her_age_is_still_the_child() -> None:
    text = "Séance du groupe. Cas de Léa, 5 ans, qui ne parle plus à l'école."
    assert ("name", "Léa") in found(text, "fr")
