"""Record, insurance, account and other ID numbers: after a label ("MRN", "Aktenzeichen",
"NHS number"), or by a shape distinct enough alone (IBAN, KVNR and NHS numbers that pass
their check digits, court file numbers, prison numbers). It must not take a date, a phone
number or a short code ("B12", "M-12-34") for a reference.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from balintroom.deid._text import (
    _DATE_RES,
    _DATE_WORD_RES,
    _P_ID,
    _P_ID_DIGITS,
    _STREET_BEFORE_RE,
    _Candidate,
    _digit_count,
)

_ID_LABELS = (
    r"MRN|Medical\s+Record\s+(?:No\.?|Number)|Hospital\s+(?:No\.?|Number)"
    r"|Patient(?:en)?[- ]?(?:ID|Nr\.?|Nummer)|Patientennummer|Fall(?:nummer|-?Nr\.?)"
    r"|Aktenzeichen|Az\.|Versicherten(?:nummer|-?Nr\.?)|Versicherungs(?:nummer|-?Nr\.?)"
    r"|Krankenversichertennummer|KV-?(?:Nummer|Nr\.?)|KVNR|Steuer-?ID|Steuer(?:nummer|-?Nr\.?)"
    r"|Kontonummer|Konto(?:-?Nr\.?)?|Kto\.?(?:-?Nr\.?)?|Account(?:\s+(?:No\.?|Number|#))?"
    r"|Acct\.?|Sort\s+Code|Serial(?:\s+(?:No\.?|Number))?|Seriennummer|Serien-?Nr\.?"
    r"|S/N|NHS\s+(?:No\.?|Number)|Insurance\s+(?:No\.?|Number)|Policy\s+(?:No\.?|Number)"
    r"|Case\s+(?:No\.?|Number)|Ausweis(?:nummer|-?Nr\.?)|Pass(?:nummer|-?Nr\.?)"
    r"|Passport(?:\s+(?:No\.?|Number))?|Renten(?:versicherungs)?nummer|RV-?Nummer"
    r"|SV-?Nummer|Sozialversicherungsnummer|Geräte-?(?:nummer|Nr\.?)|Device\s+(?:ID|Serial)"
    r"|Kennzeichen|Licen[cs]e\s+Plate|Registration(?:\s+(?:No\.?|Number))?|Reg\.?\s+No\.?"
    r"|Social\s+Security(?:\s+(?:No\.?|Number))?|SSN|Member\s+(?:ID|No\.?|Number)"
    r"|Mitgliedsnummer|Kunden(?:nummer|-?Nr\.?)|Customer\s+(?:No\.?|Number)"
    # national health and identity numbers by their names: CHI (Scotland), NHI (New
    # Zealand), SIN (Canada), PPSN (Ireland), Aadhaar (India), SVNR (Austria), AHV
    r"|CHI|NHI|SIN|PPSN?|Aadhaar|Medicare(?:\s+(?:No\.?|Number))?|Medicaid|SVNR|AHV"
    r"|UPN|PNC|CRN|IMEI|BSN|Rx|SA\s+ID|ID\s+(?:No\.?|Number)"
    # animals' ear tags, the Italian tax code, Austrian file numbers (Geschäftszahl)
    r"|Ohrmarke|Ear\s+tag|Codice\s+fiscale|GZ|Gesch(?:äfts|\.-?)zahl|Geschäftszeichen"
    # "AZ 51.2-0387/23" (not Arizona before a ZIP code: a file number has a stroke or dash)
    r"|AZ(?=\s*:?\s*[\w.]*\d[\w.]*[/-])"
    # ambulance records and a case by its number
    r"|ePCR|PCR\s+(?:No\.?|Number)|Einsatz-?(?:Nr\.?|nummer)|Case"
    # a prisoner by number: "Gefangener 1473/22", "Inhaftierter 2218/19"
    r"|Gefangene[rn]?|Inhaftierte[rn]?|Häftling"
    # more national numbers (Jamaica's TRN and NIS, Ontario's OHIP, Quebec's RAMQ, India's
    # PAN), a prisoner's MIN, a veteran's DVA file, a court's file or matter, a pet's chip
    r"|TRN|NIS|OHIP|RAMQ|HCN|PAN|MIN|DVA(?:\s+file)?|File|Matter|Docket|Microchip|Chip"
    r"|Transponder"
    # a tax file (Australia), a doctor's, nurse's or therapist's registration (GMC, NMC,
    # HCPC, NPI), a business (ABN), New Zealand's tax number (IRD)
    r"|TFN|GMC|NMC|HCPC|NPI|ABN|IRD|NINO"
    # an employee's and a driver's numbers: "Payroll no: 0044781", "Licence no. 087 415 992"
    r"|Payroll(?:\s+(?:No\.?|Number))?|(?:Staff|Employee)\s+(?:ID|No\.?|Number)"
    r"|Licen[cs]e\s+(?:No\.?|Number|\#)"
    # a hospital case by its number: "Fall 0065510934" (not "Fall 3", "im Fall 2023")
    r"|Fall(?=\s+\d{6,})"
    # a patient, a prisoner, an examinee or a student by number: "Pat. 40417", "Gef. 88213",
    # "Prüfling 4023719", "Inmate 4471823", "matric s2217456", "UHID KTM-0041572"
    r"|Pat\.(?=\s*\d{4,})|Patient(?:in)?(?=\s+\d{5,})|Gef\.(?=\s*\d{4,})|Prüfling|Inmate"
    r"|Prisoner|Matric(?:ulation)?|Student(?=\s+[a-z]?\d{6,})|UHID|Voucher|Aufnahmezahl"
    r"|Claim\s+reference"
)
# a constable's collar number before her name: "PC 4471 Gemma Hales", "PC 4417 Lewis"
_COLLAR_NUMBER_RE = re.compile(r"\bPC\s+(?P<v>\d{3,5})(?=\s+[A-Z])")
_ID_CHUNK = r"[A-Z0-9ÄÖÜ](?:[A-Z0-9ÄÖÜ./-]*[A-Z0-9])?"
# Any German "...nummer", "...nr.", "...konto" and English "ref", "log", "no.", "number"
# labels a number: "Vorgangsnr. 0931-22-ST", "Police log 22-0931", "Claimant number CL-55-203".
_GENERIC_ID_LABEL_RE = re.compile(
    rf"(?P<label>\b(?i:[\w-]{{0,40}}(?:nummer|nr\.?|konto|akte)|ref(?:erence)?\.?|log|no\.|number))"
    # "NR21 0HX" is a postcode of Norwich, not "Nr." and a number
    rf"(?!(?<=[Nn][Rr])\d)"
    rf"\s*[:#.]?\s*(?P<value>{_ID_CHUNK}(?:[ ]{_ID_CHUNK}){{0,5}})")
_PHONE_LABEL_WORDS = re.compile(r"(?i)tel|fon|fax|handy|mobil|phone|cell|ruf|pager")
_BARE_NUMBER_LABELS = {"number", "nummer", "no", "nr"}
_PHONE_SHAPED = re.compile(r"(?:\+|0)\d[\d ()/-]{5,}\d")
_ID_LABELLED_RE = re.compile(
    rf"(?:\b(?i:{_ID_LABELS})|\b(?:ID|SN|Nr\.|No\.)|#)(?:\s+(?:is|was|ist))?\s*[:#.]?\s*"
    rf"(?P<value>{_ID_CHUNK}(?:[ ]{_ID_CHUNK}){{0,5}})")
_HYPHEN_REF_RE = re.compile(r"(?<![\w-])[A-ZÄÖÜ]{1,4}(?:-\d{2,}){2,3}(?![\w-])")
_ID_RES = [
    re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b"),  # IBAN
    re.compile(r"\b[A-Z]\d{9}\b"),  # Krankenversichertennummer
    re.compile(r"\b\d{3}-\d{2}-\d{4}\b"),  # US social security number
    re.compile(r"\b\d{2}\s?[0-3]\d[01]\d\d\d\s?[A-Z]\s?\d{3}\b"),  # Rentenversicherungsnummer
    re.compile(r"(?<![\w-])[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\s?[1-9]\d{0,3}[EH]?\b"),  # M-AB 1234
    re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b"),  # UK number plate AB12 CDE
    # UK National Insurance number QQ 12 34 56 C
    # (QQ is the prefix of the official examples, used where a real number would not be)
    re.compile(r"\b(?:[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]|QQ)\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"),
    # "BT-2023-08817", "AZ-19-00412": letters, then groups of digits joined by hyphens
    _HYPHEN_REF_RE,
    # German court file numbers: "XVII 418/22", "5 XVI 27/23", "3 F 123/22"
    # and the Austrian "12 Hv 45/23k"
    re.compile(r"\b(?:\d{1,3}\s+)?(?!(?:On|In|At|To|By|Am|Um|An|Im|Of|Up)\s)"
               r"(?:[IVXL]{2,6}|[A-Z][a-z]{0,2}|[A-Z]{2}[a-z]{1,2})\s+"
               r"\d{1,5}/\d{2,4}[a-z]?\b(?!/\d)"),
    # the Italian codice fiscale: "RSSMRA41C52A952K"
    re.compile(r"\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b"),
    # references with slashes and letters: "C/2024/0173", "HL/FAM/2291", "2023/FAM/00817";
    # digits only need a part of three or more (not the Apgar "3/5/7", not "1/2/3")
    re.compile(r"(?<![\w/])(?=[\w/]*(?:[A-Z]|\d{3}))[A-Z0-9]{1,8}(?:/[A-Z0-9]{1,8}){2,4}"
               r"(?![\w/])"),
    # "2023/118734", "118734/2023": a running number and its year (not "2023/2024")
    re.compile(r"(?<![\w/.])(?:(?:19|20)\d\d/\d{5,9}|\d{5,9}/(?:19|20)\d\d)(?![\w/]|\.\d)"),
    # "ZW21C00388", "L01X00T47": letters and digits mixed, four digits or more
    re.compile(r"(?<![\w-])(?=[A-Z0-9]{8,16}(?![\w-]))(?=(?:[A-Z]*\d){4})"
               r"[A-Z]{1,3}\d+[A-Z]+[A-Z0-9]*(?![\w-])"),
    # an Aadhaar-like number of three groups of four digits: "4421 8890 1763"
    # (it never starts with 0 or 1, a phone number does: "0152 2980 4411")
    re.compile(r"(?<![\d ])[2-9]\d{3} \d{4} \d{4}(?![\d]| \d)"),
    # IPv4 addresses
    re.compile(r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)"
               r"(?!\d|\.\d)"),
]
_NHS_LABELLED_RE = re.compile(
    r"\bNHS(?:[\s-]+(?:number|no\.?|nr\.?|nummer)s?)?\b[^.\d;]{0,25}?"
    r"(?P<value>(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4})(?![\d/])", re.I)
_NHS_RE = re.compile(r"(?<![\d/.+-])\d{3}(?P<sep>[ -]?)\d{3}(?P=sep)\d{4}(?![\d/-]|\.\d)")
_COUNTRY_CODE_BEFORE_RE = re.compile(r"(?:\+|\b00)\d{1,3}\s*$")


def _nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's modulus 11 check digit."""
    if len(digits) != 10:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _kvnr_is_valid(value: str) -> bool:
    """The check digit of the German Krankenversichertennummer (letter + 9 digits)."""
    if not re.fullmatch(r"[A-Z]\d{9}", value):
        return False
    letter = ord(value[0]) - 64
    digits = f"{letter:02d}" + value[1:9]
    total = 0
    for k, d in enumerate(digits):
        p = int(d) * (1 if k % 2 == 0 else 2)
        total += p // 10 + p % 10
    return total % 10 == int(value[9])


def _iban_is_valid(value: str) -> bool:
    """ISO 13616 mod 97 check of an IBAN (spaces ignored)."""
    iban = value.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", iban):
        return False
    number = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(number) % 97 == 1


_KVNR_RE = re.compile(r"\b[A-Z]\s?\d{3}\s?\d{3}\s?\d{3}\b")
_IBAN_LOOSE_RE = re.compile(r"\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){10,30}\b")
_LONG_DIGITS_RE = re.compile(r"(?<![\d.,/-])\d{8,}(?![\d.,/-]\d)")


# "Stolen car, JHR284", "plate DJK 442", "Rego 1HZT 447": a number plate after a word for
# the vehicle, letters and digits mixed (not a road: "car crash on the A47")
# ... and in German and French: "Kennzeichen ... GU-512 BT", "Nummernschild AG 318204",
# "Fahrzeug ZH 481 227", "plaque FA-482-KM"
_VEHICLE_PLATE_RE = re.compile(
    r"\b(?i:car|plate|number\s+plate|rego|reg|registration|vehicle|ute|van|truck|lorry|motorbike"
    r"|scooter|taxi|cab|kennzeichen|nummernschild|fahrzeug|(?-i:Auto)|halterabfrage\s+ergab"
    r"|immatriculation|immatriculé|plaque|véhicule|voiture)\b[^.;\n]{0,30}?(?<![\w-])"
    r"(?P<v>(?=(?:[A-Z0-9 -]*[A-Z]){2})(?=(?:[A-Z0-9 -]*\d){2})(?:[A-Z]{1,3}[\s-]\d{2,6}"
    r"(?:[\s-](?:[A-Z]{1,3}|\d{3}))?|[A-Z0-9]{2,4}\s?[A-Z0-9]{2,4}(?:\s[A-Z]{2})?))(?![\w-])")


def _id_numbers(text: str) -> Iterator[_Candidate]:
    for rx in (_VEHICLE_PLATE_RE, _COLLAR_NUMBER_RE):
        for m in rx.finditer(text):
            yield _Candidate("id_number", m.start("v"), m.end("v"), _P_ID)
    for m in _ID_LABELLED_RE.finditer(text):
        value = m.group("value")
        if _digit_count(value) >= 3 or (_digit_count(value) == 2 and len(value) >= 6):
            yield _Candidate("id_number", m.start("value"), m.end("value"), _P_ID + 5)
    for m in _GENERIC_ID_LABEL_RE.finditer(text):
        value = m.group("value")
        label = m.group("label")
        if _digit_count(value) < 3 or _PHONE_LABEL_WORDS.search(label):
            continue
        # "her number: 07911 654321" is a phone; "Vorgangsnummer 0931-22" a reference
        if label.lower().rstrip(".") in _BARE_NUMBER_LABELS and _PHONE_SHAPED.fullmatch(value):
            continue
        yield _Candidate("id_number", m.start("value"), m.end("value"), _P_ID + 5)
    for rx in _ID_RES:
        for m in rx.finditer(text):
            if any(d.fullmatch(m.group()) for d in _DATE_RES) or any(
                    d.fullmatch(m.group()) for d in _DATE_WORD_RES[:2]):
                continue  # 12/03/2024 and "Wed 15/11" are dates, not references
            if rx is _HYPHEN_REF_RE and _digit_count(m.group()) < 5:
                continue  # "M-12-34" is too short to be a file number
            if _STREET_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
                continue  # "Schönbrunner Straße 118/2/14": a house, not a file
            yield _Candidate("id_number", m.start(), m.end(), _P_ID)
    # "NHS number on it (485 777 3456)": ten digits after the label, valid or not
    for m in _NHS_LABELLED_RE.finditer(text):
        yield _Candidate("id_number", m.start("value"), m.end("value"), _P_ID + 5)
    # Numbers that check themselves: NHS (mod 11), KVNR (Luhn-like), IBAN (mod 97).
    for m in _NHS_RE.finditer(text):
        if m.group("sep") == "-":
            continue  # "613-555-0187" is a North American phone number
        if (_nhs_number_is_valid(re.sub(r"\D", "", m.group()))
                and not _COUNTRY_CODE_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())):
            yield _Candidate("id_number", m.start(), m.end(), _P_ID + 2)
    for m in _KVNR_RE.finditer(text):
        if _kvnr_is_valid(m.group().replace(" ", "")):
            yield _Candidate("id_number", m.start(), m.end(), _P_ID + 2)
    for m in _IBAN_LOOSE_RE.finditer(text):
        if _iban_is_valid(m.group()):
            yield _Candidate("id_number", m.start(), m.end(), _P_ID + 2)
    for m in _LONG_DIGITS_RE.finditer(text):
        yield _Candidate("id_number", m.start(), m.end(), _P_ID_DIGITS)

# IDs without a label: UK driving licence, prison number, Court of Protection number
_UK_LICENCE_RE = re.compile(r"\b[A-Z9]{5}\d{6}[A-Z9]{2}\d[A-Z]{2}\b")
_PRISON_NO_RE = re.compile(r"(?<![\w-])[A-Z]\d{4}[A-Z]{2}(?![\w-])")
_COURT_NO_RE = re.compile(r"\b(?:COP|CoP)\s?\d{5,8}[A-Z]?\b|\b(?:Buchnr\.?|Buchnummer"
                          r"|Gefangenennr\.?|Gefangenennummer|prisoner\s+no\.?|prison\s+no\.?)"
                          r"\s*:?\s*(?P<num>[A-Z]?\d{2,6}(?:/\d{2,4})?[A-Z]{0,2})\b", re.I)


# Codes of capitals and four digits or more: "K1129384", "SN-208873", "99/481726M",
# "YWD-4821"; not "COVID-19", "PHQ-9", "B12" (too few digits) nor a dose ("1000IU").
_CODE_RE = re.compile(r"(?<![\w./-])(?=[A-Z0-9/-]*?\d(?:[/-]?\d){3})(?=[A-Z0-9/-]*?[A-Z])"
                      r"[A-Z0-9]+(?:[/-][A-Z0-9]+)*(?![\w/-]|\.\w)")
_UNITS = ("MG", "ML", "IU", "IE", "KG", "MCG", "MMOL", "KM", "BC", "AD", "KCAL", "MB", "GB")
# "2024-0087311": a year and a running number (not "2019-2020"); "7734561-423"
_SERIAL_RE = re.compile(r"(?<![\w./-])(?:(?:19|20)\d\d-(?!(?:19|20)\d\d\b)\d{3,}"
                        r"|[1-9]\d{5,}-\d{2,})(?![\w/-]|\.\d)")
# Swiss AHV number (756.1234.5678.97), Australian Medicare number (2950 12345 1)
_AHV_MEDICARE_RE = re.compile(r"\b756\.\d{4}\.\d{4}\.\d{2}\b|\b[2-6]\d{3} \d{5} \d\b")


def _unlabelled_licence_prison_and_court_numbers(text: str) -> Iterator[_Candidate]:
    """A UK driving licence, a prison number, a Court of Protection or prisoner's book
    number, a code of capitals and digits: shapes distinct enough to need no label."""
    for m in _CODE_RE.finditer(text):
        code = m.group()
        letters = re.sub(r"[\d/-]", "", code)
        # four digits only with a separator: "YWD-4821", not the form "DS1500"
        if (letters not in _UNITS and (_digit_count(code) > 4 or "-" in code or "/" in code)
                and not any(rx.fullmatch(code) for rx in _DATE_RES)):
            yield _Candidate("id_number", m.start(), m.end(), _P_ID_DIGITS)
    for rx in (_SERIAL_RE, _AHV_MEDICARE_RE):
        for m in rx.finditer(text):  # above a phone number: "2024-0087311" is one reference
            yield _Candidate("id_number", m.start(), m.end(), _P_ID)
    for rx in (_UK_LICENCE_RE, _PRISON_NO_RE):
        for m in rx.finditer(text):
            yield _Candidate("id_number", m.start(), m.end(), _P_ID)
    for m in _COURT_NO_RE.finditer(text):
        g: str | int = "num" if m.group("num") else 0
        yield _Candidate("id_number", m.start(g), m.end(g), _P_ID)
