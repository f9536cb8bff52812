"""French rules of the identifier check (deid/french.py): invented sentences, what each
must flag and what must stay clear; and that the French rules leave English and German
case labels (language None) without new findings."""

from __future__ import annotations

import pytest

from balintroom.deid import french
from balintroom.deid.identifiers import find_identifiers


def found(text: str, language: str | None = "fr") -> list[tuple[str, str]]:
    return [(f.category, f.text) for f in find_identifiers(text, language, with_tagger=False)]


@pytest.mark.parametrize(("text", "category", "span"), [
    # titles and names
    ("Mme Vautrin est revenue seule.", "name", "Mme Vautrin"),
    ("Vue avec le Dr Castagnet hier.", "name", "Dr Castagnet"),
    ("M. Lebrun refuse le traitement.", "name", "M. Lebrun"),
    ("Rencontre avec Mme D. et sa fille.", "name", "Mme D."),
    ("Elle parle de Madame de la Fontaine.", "name", "Madame de la Fontaine"),
    ("Le Professeur Kerbrat a répondu.", "name", "Professeur Kerbrat"),
    ("J'ai vu Mlle Quéré au cabinet.", "name", "Mlle Quéré"),
    ("Sœur Marthe passe le dimanche.", "name", "Sœur Marthe"),
    ("Elle appelle Maître Guérin.", "name", "Maître Guérin"),
    ("rdv avec mme vautrin demain", "name", "mme vautrin"),
    ("Puis Gwenaëlle Le Floch a téléphoné.", "name", "Gwenaëlle"),
    ("Venu avec sa fille Aurore pour le bilan.", "name", "Aurore"),
    # ages
    ("Patiente de 92 ans, autonome.", "age_over_89", "92"),
    ("Une femme âgée de 94 ans.", "age_over_89", "94"),
    ("Homme, 93 a, vit seul.", "age_over_89", "93"),
    ("Il a quatre-vingt-quinze ans.", "age_over_89", "quatre-vingt-quinze"),
    ("Elle a nonante-deux ans.", "age_over_89", "nonante-deux"),
    ("Elle est dans sa 97e année.", "age_over_89", "dans sa 97e année"),
    ("Une patiente centenaire.", "age_over_89", "centenaire"),
    # dates
    ("Vue le 3 mai dernier.", "date", "3 mai"),
    ("Hospitalisé le 12 février 2024.", "date", "12 février 2024"),
    ("Revenu le 1er mars.", "date", "1er mars"),
    ("Première séance en mars 2022.", "date", "mars 2022"),
    ("On se revoit mardi 14 au cabinet.", "date", "mardi 14"),
    # addresses, towns, institutions
    ("Elle habite au 12 rue des Lilas.", "place", "12 rue des Lilas"),
    ("Domicile : 3, avenue Jean-Jaurès.", "place", "3, avenue Jean-Jaurès"),
    ("Il dort dans un abri bd Voltaire.", "place", "bd Voltaire"),
    ("Adresse : 75011 Paris.", "place", "75011 Paris"),
    ("Ils vivent à 1000 Bruxelles.", "place", "1000 Bruxelles"),
    ("Code postal H2X 1Y4.", "place", "H2X 1Y4"),
    ("Il travaille à Yvetot comme boulanger.", "place", "Yvetot"),
    ("Elle est partie vivre à Tours.", "place", "Tours"),
    ("Transférée à l'EHPAD Les Tilleuls.", "place", "EHPAD Les Tilleuls"),
    ("Opérée à la Clinique Saint-Roch.", "place", "Clinique Saint-Roch"),
    ("Suivi au CHU de Rouen.", "place", "CHU de Rouen"),
    ("Ils se retrouvent au Café du Commerce.", "place", "Café du Commerce"),
    # IDs
    ("NIR 1 85 05 78 006 084 91 au dossier.", "id_number", "1 85 05 78 006 084 91"),
    ("Dossier n° 4471203 transmis.", "id_number", "4471203"),
    ("IPP : 88213457.", "id_number", "88213457"),
    ("Voiture immatriculée AB-123-CD.", "id_number", "AB-123-CD"),
    # phones (found by the shared rules)
    ("Joignable au 06 12 34 56 78.", "phone", "06 12 34 56 78"),
    ("Fixe : 01.23.45.67.89.", "phone", "01.23.45.67.89"),
])
def test_french_identifier_is_found(text: str, category: str, span: str) -> None:
    hits = found(text)
    assert any(c == category and span in t for c, t in hits), hits


@pytest.mark.parametrize("text", [
    "La maladie de Parkinson progresse lentement.",
    "Elle prend du Doliprane matin et soir.",
    "Suspicion d'Alzheimer, bilan prévu.",
    "Ils ont déménagé en Bretagne puis en Provence.",
    "Elle vit en Wallonie, son frère dans le canton de Vaud.",
    "Il est né au Québec et a grandi en Savoie.",
    "Elle vient tous les mardis, surtout en mars.",
    "Arrivée en France en 2015.",
    "Un homme de 89 ans, sous 90 mg de fer.",
    "La kinésithérapeute et l'infirmière en parlent.",
    "Le service de pédiatrie est débordé.",
    "Victor Hugo et Molière sont au programme.",
    "Rose de colère, elle se tait.",
    "Claire et nette, sa demande surprend.",
    "Le cours de français a lieu le lundi.",
    "Il est pris en charge au cours de la semaine.",
])
def test_french_trap_stays_clear(text: str) -> None:
    assert list(french.find(text)) == [], [(c.category, text[c.start:c.end])
                                           for c in french.find(text)]


@pytest.mark.parametrize("text", [
    "She came back from the surgery feeling much better about it.",
    "The nurse and the social worker discussed the case at length.",
    "We met on a Tuesday in March and talked about her fears.",
    "He is 89 and still takes 90 mg of iron every day.",
    "Die Patientin kam im Mai wieder und sprach über ihre Angst.",
    "Der Sozialarbeiter und die Lehrerin sprachen lange über den Fall.",
    "Sie war Mitte achtzig und lebte allein auf dem Land.",
    "The Centre for Mental Health offers a Foyer Area for visitors.",
])
def test_english_and_german_stay_clear_of_french_rules(text: str) -> None:
    own = [(c.category, text[c.start:c.end]) for c in french.find(text)]
    assert own == [], own


@pytest.mark.parametrize(("text", "category", "span"), [
    ("Je la suis depuis Noël 2019, sans interruption.", "date", "Noël 2019"),
    ("Vue le lundi de Pâques 2022 aux urgences.", "date", "lundi de Pâques 2022"),
    ("Écrou 2022/3318, quartier des arrivants.", "id_number", "2022/3318"),
    ("Jugement du tribunal, RG 22/04417, garde refusée.", "id_number", "22/04417"),
    ("Carte vitale : NIR 1 62 03 75 112 004 17, à rendre.", "id_number",
     "1 62 03 75 112 004 17"),
    ("Plaque GHK 2207, une Clio bleue devant l'école.", "id_number", "GHK 2207"),
    ("Mme Pelletier, RAMQ PELM 5211 0814, arrivée seule.", "id_number", "PELM 5211 0814"),
])
def test_feasts_of_a_year_and_labelled_numbers_in_groups(text: str, category: str,
                                                         span: str) -> None:
    assert (category, span) in found(text)


def test_a_label_takes_no_french_word_into_the_number() -> None:
    assert ("id_number", "22/04417") in found("RG 22/04417 La mère a fait appel.")


@pytest.mark.parametrize(("text", "category", "span"), [
    # institutions with a lower-case head or a kind before the name
    ("Stage à l'école maternelle Les Tilleuls, section des grands.", "place",
     "école maternelle Les Tilleuls"),
    ("Elle vit à la résidence Les Charmilles depuis l'été.", "place", "résidence Les Charmilles"),
    ("Hospitalisé au pavillon Charcot, chambre 12.", "place", "pavillon Charcot"),
    ("Suivi au CLSC de Rosemont depuis janvier.", "place", "CLSC de Rosemont"),
    ("Déposition au poste de police de Sion hier soir.", "place", "poste de police de Sion"),
    # names by where they stand: an abbreviated title in lower case, a family, an animal,
    # a nickname, an initial standing for someone, a name before an age
    ("vu mme blanc ce matin, tension ok", "name", "mme blanc"),
    ("Visite chez les Kowalczyk, deuxième étage.", "name", "Kowalczyk"),
    ("Son chien, Rocky, dort au pied du lit.", "name", "Rocky"),
    ("Au foyer, tout le monde l'appelle « Bichette ».", "name", "Bichette"),
    ("Mon patient, appelons-le F., ne dit jamais bonjour.", "name", "F."),
    ("La plus jeune, Maëlys, 12 ans, ne parle plus.", "name", "Maëlys"),
    # a role one person has, someone known through an office-holder
    ("Le seul boucher du village a arrêté de boire.", "other", "Le seul boucher du village"),
    ("La femme du notaire est revenue me voir.", "other", "La femme du notaire"),
])
def test_french_names_places_and_roles_by_where_they_stand(
        text: str, category: str, span: str) -> None:
    assert (category, span) in found(text)


@pytest.mark.parametrize("text", [
    "Le service de gériatrie est plein cet hiver.",
    "Trois pages de notes après la séance.",
    "mme est arrivée en retard, comme toujours.",
    "Chez les jeunes, la consultation fait peur.",
    "Le chien de la voisine aboie toute la nuit.",
])
def test_french_kinds_numbers_and_plain_words_stay_clear(text: str) -> None:
    assert [f for f in found(text) if f[0] in ("name", "place", "other")] == []


@pytest.mark.parametrize(("text", "span"), [
    # a capital after a head in lower case names the school or hospital, even a word or a
    # first name ("lycée Voltaire", "collège Jean-Moulin")
    ("Élève de 3e au collège Jean-Moulin, absentéisme.", "collège Jean-Moulin"),
    ("Elle est en seconde au lycée Voltaire depuis septembre.", "lycée Voltaire"),
    ("Gymnase de Chamblandes, maîtresse de classe.", "Gymnase de Chamblandes"),
    ("Il a passé vingt ans au club de pétanque Les Amis du Mail.",
     "club de pétanque Les Amis du Mail"),
    ("Transférée au Centre jeunesse de Québec la semaine passée.", "Centre jeunesse de Québec"),
    # clinics, nurseries, hostels and parks written with a head in lower case
    ("Vétérinaire, clinique des Acacias, Angers. Le chat de Mme P.", "clinique des Acacias"),
    ("Petit Théo, crèche Les Petits Loups, marques suspectes.", "crèche Les Petits Loups"),
    ("Rencontre avec M. R., foyer Adoma, chambre 3-12.", "foyer Adoma"),
    ("Ti-Guy, itinérant, dort dans le parc La Fontaine.", "parc La Fontaine"),
    ("Mme M., 84 ans, résidence autonomie Les Jonquilles, me plaint.",
     "résidence autonomie Les Jonquilles"),
    # hospitals known by one name, a town of a few hundred, a city that opens the note
    ("Sa femme est hospitalisée à la Salpêtrière depuis lundi.", "Salpêtrière"),
    ("Garde de nuit au CHUV, un adolescent alcoolisé.", "CHUV"),
    ("Il habite à Lagrasse, tout le monde le connaît.", "Lagrasse"),
    ("Lausanne, une patiente qui revient chaque semaine.", "Lausanne"),
    ("Dans le train pour Fribourg, j'ai repensé à la séance.", "Fribourg"),
])
def test_french_institutions_hospitals_and_small_towns(text: str, span: str) -> None:
    assert ("place", span) in found(text, "fr")


@pytest.mark.parametrize(("text", "figure"), [
    ("Elle écoute Édith Piaf tous les soirs en pleurant.", "Piaf"),
    ("Il ressemble à Jean Gabin et il le sait.", "Gabin"),
    ("J'ai pensé à saint François, allez savoir pourquoi.", "François"),
])
def test_someone_a_patient_listens_to_or_looks_like_is_no_patient(text: str,
                                                                  figure: str) -> None:
    assert not [t for c, t in found(text, "fr") if c == "name" and figure in t]


def test_a_neighbour_with_a_title_after_the_same_cue_is_still_found() -> None:
    assert ("name", "Mme Lefranc") in found("Elle écoute Mme Lefranc, sa voisine.", "fr")
    assert ("name", "unité Alzheimer") not in found("La dame de l'unité Alzheimer.", "fr")


@pytest.mark.parametrize(("text", "category", "span"), [
    # someone after a word for the person or for kin, a name opening a sentence before an
    # age, a Québécois nickname, a title in lower case with an initial
    ("Le détenu Krasniqi refuse la promenade.", "name", "Krasniqi"),
    ("La jeune Inès D. est revenue seule.", "name", "Inès D."),
    ("J'ai croisé le père d'Ylan à la pharmacie.", "name", "Ylan"),
    ("Consultation PMI. Adama, 4 ans, ne parle pas encore.", "name", "Adama"),
    ("Tout le monde l'appelle Ti-Jean au foyer.", "name", "Ti-Jean"),
    ("vu madame P. ce matin, encore des vertiges", "name", "madame P."),
    # an age in words, a short date after "du", a weekday before a colon, labelled numbers
    ("M. Arnaud, cent deux ans, veut rentrer chez lui.", "age_over_89", "cent deux"),
    ("Une nonagénaire du village refuse l'aide à domicile.", "age_over_89", "nonagénaire"),
    ("Compte rendu de la séance du 14/3, très dense.", "date", "14/3"),
    ("Cas pour vendredi 12 : la dame aux chats.", "date", "vendredi 12"),
    ("Carte d'assurance : NAS 046 454 286, à ne pas noter.", "id_number", "046 454 286"),
    # a Belgian postcode after a street, even with a town that is a word
    ("Adresse : rue de la Gare 12, 6900 Marche.", "place", "6900 Marche"),
])
def test_french_people_by_position_ages_dates_and_numbers(text: str, category: str,
                                                         span: str) -> None:
    assert (category, span) in found(text, "fr")


@pytest.mark.parametrize("text", [
    "Cas pour jeudi : la prof qui ne dort plus.",
    "Rien, ai-je dit. Tout le monde a souri.",
    "Cher confrère, je vous remercie.",
    "Score de Glasgow à 14 à l'arrivée.",
    "Homme, 45 ans, douleurs thoraciques.",
])
def test_french_words_opening_a_sentence_and_scores_are_no_one(text: str) -> None:
    assert [f for f in found(text, "fr") if f[0] in ("name", "place")] == []


@pytest.mark.parametrize(("text", "category", "span"), [
    ("Psychothérapeute en libéral, Lyon 6e. Patiente très anxieuse.", "place", "Lyon 6e"),
    ("Restaurateur dans le 13e, il ne ferme jamais.", "place", "13e"),
    ("Sage-femme PMI, Mamoudzou. Mère de cinq enfants.", "place", "Mamoudzou"),
    ("Pour le dossier : 1 84 02 75 112 334 09, ne pas diffuser.", "id_number",
     "1 84 02 75 112 334 09"),
    ("Sa carte : TREM 5512 0834, je la garde.", "id_number", "TREM 5512 0834"),
    ("Dossier parquet 22.114.00871, audience en mars.", "id_number", "22.114.00871"),
    ("Nous parlons de la famille Boulanger depuis trois séances.", "name", "Boulanger"),
])
def test_french_arrondissements_headings_numbers_and_families(text: str, category: str,
                                                             span: str) -> None:
    assert (category, span) in found(text, "fr")


@pytest.mark.parametrize(("text", "member"), [
    ("Quand Luc du groupe a demandé ce que je ressentais, j'ai pleuré.", "Luc"),
    ("Le groupe de mardi (animé par Agnès) était très dense.", "Agnès"),
    ("Merci à tous, à mardi. — Bernard", "Bernard"),
])
def test_french_group_members_and_a_signature_are_no_patients(text: str, member: str) -> None:
    assert ("name", member) not in found(text, "fr")


@pytest.mark.parametrize(("text", "day"), [
    # a day without its month, once a month has been named or after "depuis le"
    ("Menaces le 17 janvier, excuses le 18, puis plus rien.", "18"),
    ("Elle est arrivée le 3 mai, au 26 elle était repartie.", "26"),
    ("Hospitalisée depuis le 8, elle ne mange plus.", "8"),
    ("Il reste jusqu'au 12 chez sa sœur.", "12"),
])
def test_french_a_day_without_its_month(text: str, day: str) -> None:
    assert ("date", day) in found(text)


@pytest.mark.parametrize("text", [
    "Le 3 mai il est venu, le 18 ans plus tard.",  # an age
    "Vue le 3 mai, puis le 12 h, rien.",  # an hour
    "Rdv le 4 à 9h.",  # no month named: "le 4" could be anything
    "Vue le 3 mai; elle vit au 12 rue des Lilas.",  # a house number
])
def test_french_a_number_after_le_is_not_always_a_day(text: str) -> None:
    assert [t for c, t in found(text) if c == "date" and "mai" not in t] == []


@pytest.mark.parametrize(("text", "category", "span"), [
    # the town after the writer's role and place of work
    ("Vétérinaire, clinique des Acacias, Angers. Euthanasie du chat.", "place", "Angers"),
    ("Infirmier, CHUV, Lausanne, service de psychiatrie. Patient de 35 ans.", "place",
     "Lausanne"),
    ("Orthophoniste, Tulle. Une petite fille de 6 ans qui bégaie.", "place", "Tulle"),
    # titles in a hasty note, offices before a surname, initials in lower case
    ("notes: j'ai pleuré en parlant de m. Girard. personne n'a rien dit.", "name", "m. Girard"),
    ("mme s. voulait rentrer chez elle, on l'a envoyée loin.", "name", "mme s."),
    ("note en passant: le juge Rivière m'a dit « ne vous attachez pas ».", "name",
     "juge Rivière"),
    # an animal described, then its name between commas; an animal noun opening a line
    ("Le berger allemand, Tango, reste attaché devant le cabinet.", "name", "Tango"),
    ("On m'appelle pour le chien du curé, Pastis. Tout le village sait.", "name", "Pastis"),
    ("Jument Belle-de-Mai, colique, décision d'euthanasie.", "name", "Belle-de-Mai"),
    # a pupil's number after its label
    ("Élève : Lucas — INE 070912345AB", "id_number", "070912345AB"),
])
def test_french_headings_titles_animals_and_pupils(text: str, category: str,
                                                  span: str) -> None:
    assert (category, span) in found(text)


@pytest.mark.parametrize(("text", "not_found"), [
    ("Il court 3 m. Ensuite il tombe.", "name"),  # metres, not "monsieur"
    ("Elle avait des chocolats pour moi avant Noël.", "name"),
    ("Elle avait 84 ans et personne depuis Pâques.", "name"),
    ("Sage-femme libérale, Haute-Savoie. Accouchement à domicile souhaité.", "name"),
    ("L'aide-soignante qu'elle a eue en CM2 la lave.", "place"),
    ("Élève : Lucas — INE 070912345AB", "phone"),
])
def test_french_metres_feasts_regions_and_school_years_are_no_one(text: str,
                                                                  not_found: str) -> None:
    assert [t for c, t in found(text) if c == not_found] == []


@pytest.mark.parametrize(("text", "name"), [
    # a nickname or a pet's name in guillemets, with their spaces, where a sentence names
    ("M. Grosjean, dit « le Colonel », refuse la toilette.", "le Colonel"),
    ("Une dame amène son chien errant, « Zépol », qui n'est pas à elle.", "Zépol"),
    ("CAS : « Nounours », 34 ans, surnom qu'il se donne lui-même.", "Nounours"),
])
def test_french_nicknames_in_guillemets(text: str, name: str) -> None:
    assert ("name", name) in found(text, "fr")


def test_a_word_quoted_after_dit_is_no_nickname() -> None:
    assert found("Il m'a dit « Bonjour » et il est parti.", "fr") == []


def test_a_surname_that_is_also_a_word_stays_with_its_first_name() -> None:
    # one finding for one person, not "Mme Jeanne" and "Mercier" apart
    assert found("Je vois Mme Jeanne Mercier demain.", "fr") == [
        ("name", "Mme Jeanne Mercier")]
    assert found("M. Paul Dubois est là.", "fr") == [("name", "M. Paul Dubois")]


def test_a_person_called_noel_is_still_found() -> None:
    assert ("name", "Noël") in found("Noël, son fils, vient le dimanche.")


@pytest.mark.parametrize(("text", "town"), [
    # towns by the shape of their names, known to no list
    ("Institutrice dans une école à classe unique, Saint-Julien-du-Verdon (11 élèves).",
     "Saint-Julien-du-Verdon"),
    ("Mme C., 98 ans, habitant à Morne-à-l'Eau. Je passe deux fois par jour.",
     "Morne-à-l'Eau"),
    ("La famille, pêcheurs à Grande-Rivière, m'appelle même la nuit.", "Grande-Rivière"),
    ("Capitaine de police, Bruxelles-Midi. Le SDF qu'on arrête chaque semaine.",
     "Bruxelles-Midi"),
    ("Mme Payet, 93 ans, Les Avirons, refuse la dialyse.", "Les Avirons"),
])
def test_french_towns_by_the_shape_of_their_names(text: str, town: str) -> None:
    assert ("place", town) in found(text)


@pytest.mark.parametrize("text", [
    "Son fils Jean-Pierre et sa sœur Marie-Claire sont venus.",
    "Mme Lambert-Roche a écrit à la direction.",
    "Sage-femme libérale, Haute-Savoie. Accouchement à domicile.",
])
def test_french_double_names_and_regions_are_no_towns(text: str) -> None:
    assert [t for c, t in found(text) if c == "place"] == []


@pytest.mark.parametrize(("text", "place"), [
    ("Cas : M. Rochat, 67 ans, agriculteur à Échallens, veuf.", "Échallens"),
    ("M. Rey, 93 ans, habite seul dans une ferme au-dessus d'Orsières.", "Orsières"),
    ("La dame au déambulateur rose, foyer Saint-Joseph, à Malmedy.", "Malmedy"),
])
def test_a_town_no_list_knows_after_a_or_pres_de(text: str, place: str) -> None:
    assert ("place", place) in found(text)


@pytest.mark.parametrize("text", [
    "Ce patient me fait penser à Sisyphe.",
    "Je pense à Winnicott, au holding.",
])
def test_what_one_thinks_of_is_no_town(text: str) -> None:
    assert not [t for c, t in found(text) if c == "place"]


@pytest.mark.parametrize(("text", "name"), [
    ("Un des garçons, Moussa, m'a suivie après la réunion.", "Moussa"),
    ("Le père, Minh, ne parle qu'au fils.", "Minh"),
    ("En cas de chute appeler Beat (fils) 026 555 01 47", "Beat"),
    ("Le chien s'appelle Pirate, et il vient en consultation.", "Pirate"),
])
def test_a_relative_set_apart_or_an_animal_by_its_name(text: str, name: str) -> None:
    assert ("name", name) in found(text)


@pytest.mark.parametrize(("text", "place"), [
    ("Carte de rendez-vous - Centre de planification, 2 rue Nationale, Tours", "Tours"),
    ("Bulletin du 2e trimestre - Collège Georges-Brassens, Marseille", "Marseille"),
])
def test_a_town_after_a_street_or_a_school(text: str, place: str) -> None:
    assert ("place", place) in found(text)


@pytest.mark.parametrize(("text", "place"), [
    ("Tournée du matin : Mme Vidal à Saint-Chély, puis le fils.", "Saint-Chély"),
    ("Le 12 août, sur la D940 entre Boulogne et Wimereux.", "D940"),
    ("Accident sur l'A9 à la hauteur de Villeneuve.", "A9"),
    ("Éducatrice de rue, quartier des Marolles. Dimitri m'a montré sa chaîne.",
     "quartier des Marolles"),
    ("Ergothérapeute, centre de rééducation de Kerpape. Patient tétraplégique.",
     "centre de rééducation de Kerpape"),
    ("La propriétaire, au haras du Bois-Joli à Lamotte-Beuvron.", "haras du Bois-Joli"),
    ("Le monsieur du camping des Trois Sapins qui vit dans sa caravane.",
     "camping des Trois Sapins"),
])
def test_saints_towns_roads_quarters_and_workplaces(text: str, place: str) -> None:
    assert ("place", place) in found(text)


@pytest.mark.parametrize("text", [
    "Elle a lu Saint-Exupéry pendant tout l'été.",
    "HbA1c à 8 %, l'A1c du mois dernier aussi.",
    "Il habite près du centre de la ville.",
])
def test_an_author_a_lab_value_and_the_centre_of_town_are_no_places(text: str) -> None:
    assert [t for c, t in found(text) if c == "place"] == []


def test_a_doctors_practice_is_the_doctors_name() -> None:
    assert ("name", "Dr Fabre") in found("Cabinet médical du Dr Fabre, 12 place du Marché")
