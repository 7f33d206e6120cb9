"""An ICO controller template filled in as a dental practice would: free text as people write it."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from ropa.render.workbook_ico import CONTACT_FIELDS, CONTACT_PARTIES, HEADER_ROW, HEADINGS, SHEET

ORGANISATION = (
    "Harbourside Dental Practice Ltd",
    "4 Quay Street, Bristol BS1 4DJ",
    "privacy@harbourside.example",
    "0117 496 0000",
)
DPO = ("Jo Patel", None, "dpo@harbourside.example", None)

# (column number, value) per row; the columns are the template's (1 = A ... 30 = AD).
ROWS: list[dict[int, object]] = [
    {
        1: "Clinical",
        2: "Providing dental treatment",
        4: "Patients",
        5: "Name, address, date of birth; medical history; dental records",
        6: "NHS England; dental laboratories",
        8: "None",
        10: "11 years",
        11: "Access controls, encrypted laptops",
        12: "Public task",
        13: "Art 9(2)(h) health or social care",
        16: "Access, rectification",
        18: "The patient",
        21: "Yes",
        22: "Complete",
        23: "DPIA-2023-01",
    },
    {
        1: "Clinical",
        2: "Referrals to hospitals",
        4: "Patients",
        5: "Name, address, date of birth; medical history",
        10: "11 years",
        12: "Public task",
        13: "9(2)(h)",
        18: "The patient; their GP",
    },
    {
        1: "Clinical",
        2: "X-ray imaging",
        4: "Patients",
        5: "Radiographs",
        10: "11 yrs",
        12: "Public task",
        13: "Art. 9(2)(h)",
        20: "On-site server",
    },
    {
        1: "Reception",
        2: "Appointment booking\nAppointment reminders by SMS",
        4: "Patients",
        5: "Name; mobile number",
        7: "https://contracts.example/sms",
        8: "USA",
        9: "SCCs",
        10: "2 years",
        12: "Contract\nConsent",
        18: "The patient",
    },
    {
        1: "Reception",
        2: "Taking payments",
        4: "Patients; parents or guardians",
        5: "Name; payment card details",
        10: "6 years",
        12: "Contract",
    },
    {
        1: "Finance",
        2: "Accounting and tax",
        4: "Patients, suppliers",
        5: "Invoices; bank details",
        6: "HMRC; our accountants",
        10: "6 years after the end of the financial year",
        12: "Legal obligation",
    },
    {
        1: "HR",
        2: "Recruitment",
        4: "Job applicants",
        5: "CVs; references; right to work checks",
        10: "6 months",
        12: "Legitimate interests",
        14: "Choosing the right people for the practice",
        15: "LIA-2022",
    },
    {
        1: "HR",
        2: "Payroll",
        4: "Staff",
        5: "Bank details; salary; National Insurance number",
        10: "6 years",
        12: "Legal obligation",
        26: "Employment, social security",
    },
    {
        1: "HR",
        2: "Staff sickness records",
        4: "Staff",
        5: "Sickness notes",
        10: "Until no longer needed",
        12: "Legal obligation",
        13: "See our Schedule 1 policy",
        21: "No",
    },
    {
        1: "Marketing",
        2: "Newsletter",
        4: "Patients who signed up",
        5: "Email address",
        10: "Until they unsubscribe",
        12: "Consent",
        19: "Mailchimp consent log",
        8: "United States",
    },
    {
        1: "Facilities",
        2: "CCTV at the entrance",
        4: "Visitors; staff",
        5: "CCTV images",
        10: "30 days",
        12: "Legitimate interests",
        14: "Keeping the premises and people safe",
        17: "No",
        21: "TBC",
        22: "N/A",
    },
    {
        1: "IT",
        2: "Website contact form",
        4: "Website visitors",
        5: "Name; email address; message",
        10: "1 year",
        12: "Legitimate interests",
        14: "Answering enquiries",
        24: "No",
    },
    {
        1: "Clinical",
        2: "Complaints handling",
        3: "NHS Resolution, 0300 000 0000",
        4: "Patients; relatives",
        5: "Complaint details",
        10: "10 years",
        12: "Legal obligation",
        18: "The complainant",
    },
]
REPORTED_COLUMNS = {3, 6, 7, 8, 9, 11, 15, 16, 19, 20, 24, 25, 26, 27, 28, 29, 30}
"""The template's columns a register has no place for: every filled cell of them is in the report."""
UNMAPPED_VALUES = {
    (8, 13): "See our Schedule 1 policy",  # not an Art. 9(2) condition
    (10, 21): "TBC",  # not a yes or a no
    (10, 22): "N/A",  # no DPIA required given, so its progress has nowhere to go
}
"""(row index, column) of the cells of mapped columns that cannot be mapped for certain."""


def write_sample(path: Path, rows: list[dict[int, object]] = ROWS) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.cell(1, 1).value = "Documentation template for controllers"
    for column, heading in enumerate(CONTACT_PARTIES, start=2):
        sheet.cell(2, column).value = heading
    for row, label in enumerate(CONTACT_FIELDS, start=3):
        sheet.cell(row, 1).value = label
        sheet.cell(row, 2).value = ORGANISATION[row - 3]
        sheet.cell(row, 3).value = DPO[row - 3]
    for column, heading in enumerate(HEADINGS, start=1):
        sheet.cell(HEADER_ROW, column).value = heading
    for index, values in enumerate(rows):
        for column, value in values.items():
            sheet.cell(HEADER_ROW + 1 + index, column).value = value
    workbook.create_sheet("Notes").cell(1, 1).value = "Headings highlighted green are required areas of documentation"
    workbook.save(path)
    return path
