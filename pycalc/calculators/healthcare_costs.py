"""Patient charges for healthcare (egenandeler) and the cost-sharing ceilings, guide chapter II."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent
from ..sources import guide

COVERED = guide("II", "What is covered?")
ZERO = Decimal(0)

# Where the 2026 rules were read (secondary pages: see the parameter files).
CEILING_2026 = ("https://www.helsedirektoratet.no/rundskriv/folketrygdloven-kap-5/rundskriv-til-folketrygdloven--5-3--"
                "egenandelstak/egenandelstaket-og-rammene-for-frikortordningen; folketrygdloven § 5-3")
MEDICINES_2026 = "https://lfn.no/?p=12004; forskrift om stønad til dekning av utgifter til viktige legemidler mv. § 8"
INJURY_2026 = "https://www.trygderett.no/folketrygdloven-5-25/ (the text of the section); folketrygdloven § 5-25"


def _exemption(x, p):
    """Why no charges are due, or None when the ordinary charges apply."""
    age_limit = p("healthcare.exempt_below_age")
    if x["age"] < age_limit:
        return f"Children under {age_limit} are exempt from charges altogether: you pay nothing."
    if x["occupational_injury"]:
        return "No charges are due for treatment of an occupational injury or disease: you pay nothing."
    return None


def _nothing_due(exemption, explain, source):
    explain.step(exemption, source)
    explain.answer(f"You pay nothing. {exemption.split(':')[0]}.")
    return dict(patient_pays=ZERO, ceiling_reached=False, charges_before_ceiling=ZERO, gp_charges=ZERO,
                specialist_charges=ZERO, prescription_charges=ZERO, second_ceiling_pays=ZERO,
                second_ceiling_reached=False)


def _headline(pays, reached, ceiling) -> str:
    if reached:
        return (f"You pay {nok(pays)} in the year, the ceiling: after that you get an exemption card (frikort) and "
                "pay no more charges that year.")
    return f"You pay {nok(pays)} in the year; the ceiling of {nok(ceiling)} is not reached."


def _doctor_charges(x, p, explain):
    gp, specialist = p("healthcare.gp_charge"), p("healthcare.specialist_charge")
    gp_total, specialist_total = x["gp_visits"] * gp, x["specialist_visits"] * specialist
    explain.step(f"GP consultations: {x['gp_visits']} × {nok(gp)} = {nok(gp_total)}.", COVERED)
    explain.step(f"Specialist consultations: {x['specialist_visits']} × {nok(specialist)} = "
                 f"{nok(specialist_total)}.", COVERED)
    return gp_total, specialist_total


# How each rule set words the blue-prescription charge: the guide per 3-month prescription, today's
# rules per dispensing at the pharmacy (the maximum covers all that is dispensed at once).
PRESCRIPTION_WORDS_2013 = (
    "No prescriptions from the important medicines list (the patient would pay {share} of each, at most "
    "{maximum} for 3 months).",
    "Important medicines: {share} of {cost}, at most {maximum}, is {each}{capped} for each 3-month "
    "prescription; {count} × {each} = {total}.", " (capped)")
PRESCRIPTION_WORDS_2026 = (
    "No medicines on blue prescription (you would pay {share} of each dispensing, at most {maximum}).",
    "Medicines on blue prescription: {share} of {cost}, at most {maximum} for each dispensing at the "
    "pharmacy, is {each}{capped}; {count} × {each} = {total}.", " (the maximum)")


def _prescription_charges(x, p, explain, words=PRESCRIPTION_WORDS_2013, source=COVERED):
    none_words, charge_words, capped_words = words
    share, maximum = p("healthcare.important_medicine_share"), p("healthcare.important_medicine_maximum")
    if not x["important_prescriptions"]:
        explain.step(none_words.format(share=percent(share), maximum=nok(maximum)), source)
        return ZERO
    each = min(x["important_prescription_cost"] * share, maximum)
    total = x["important_prescriptions"] * each
    capped = capped_words if x["important_prescription_cost"] * share > maximum else ""
    explain.step(charge_words.format(share=percent(share), cost=nok(x["important_prescription_cost"]),
                                     maximum=nok(maximum), each=nok(each), capped=capped,
                                     count=x["important_prescriptions"], total=nok(total)), source)
    return total


def _after_ceiling(charges, ceiling, what, once_reached, explain, source=COVERED):
    reached = charges >= ceiling
    pays = min(charges, ceiling)
    if reached:
        explain.step(f"{what}: charges of {nok(charges)} reach the ceiling of {nok(ceiling)}. You pay {nok(pays)}; "
                     f"{once_reached}", source)
    else:
        explain.step(f"{what}: charges of {nok(charges)} stay below the ceiling of {nok(ceiling)}; "
                     f"you pay them all.", source)
    return pays, reached


def _medicine_refund_note(p, explain):
    explain.note(
        f"Less important medicines are not on this list: you pay their full price, but "
        f"{percent(p('healthcare.less_important_medicine_refund'))} of yearly costs above "
        f"{nok(p('healthcare.less_important_medicine_threshold'))} may be refunded under certain conditions."
    )


def formula_2013(x, p, explain):
    _medicine_refund_note(p, explain)
    exemption = _exemption(x, p)
    if exemption:
        return _nothing_due(exemption, explain, COVERED)
    gp, specialist = _doctor_charges(x, p, explain)
    prescriptions = _prescription_charges(x, p, explain)
    if x["other_ceiling_1_charges"]:
        explain.step(f"Other charges under the same ceiling (psychologists, travel to treatment): "
                     f"{nok(x['other_ceiling_1_charges'])}.", COVERED)
    charges = gp + specialist + prescriptions + x["other_ceiling_1_charges"]
    pays, reached = _after_ceiling(
        charges, p("healthcare.ceiling_1"), "Ceiling 1",
        "you are issued a card entitling you to free treatment for the rest of the calendar year.", explain)
    second_pays, second_reached = _after_ceiling(
        x["second_ceiling_charges"], p("healthcare.ceiling_2"),
        "Ceiling 2 (physiotherapy, reimbursable dental treatment, rehabilitation stays, treatment abroad)",
        "further such charges are covered for the rest of the calendar year.", explain)
    explain.answer(_headline(pays, reached, p("healthcare.ceiling_1")) +
                   (f" Under ceiling 2 you pay {nok(second_pays)}." if x["second_ceiling_charges"] else ""))
    return dict(patient_pays=pays, ceiling_reached=reached, charges_before_ceiling=charges, gp_charges=gp,
                specialist_charges=specialist, prescription_charges=prescriptions,
                second_ceiling_pays=second_pays, second_ceiling_reached=second_reached)


def _doctor_charges_2026(x, explain):
    """What the reader paid for doctors: the 2026 charge per consultation could not be traced."""
    gp, specialist = x["gp_charges_paid"], x["specialist_charges_paid"]
    visits = x["gp_visits"] + x["specialist_visits"]
    if visits and not gp + specialist:
        explain.step(f"Doctor's consultations: {visits} entered, but not priced. We could not trace today's charge "
                     "per consultation, so enter what you paid (helsenorge.no, 'Egenandeler og frikort', lists "
                     "every charge registered for you).", CEILING_2026)
    else:
        explain.step(f"Doctor's consultations: you paid {nok(gp)} for GPs and {nok(specialist)} for specialists.",
                     CEILING_2026)
    return gp, specialist


def formula_2026(x, p, explain):
    explain.note("2026 rules: the charge for a GP or specialist consultation is not built in: we could not trace "
                 "today's figures in a public source, so enter what you paid. The charges for medicines and the "
                 "ceiling come from secondary pages (see the sources).")
    explain.note("2026 rules: there is no second ceiling since 2021, so 'ceiling 2' shows NOK 0; charges for "
                 "physiotherapy, dental treatment and rehabilitation count towards the one ceiling.")
    exemption = _exemption(x, p)
    if exemption:
        return _nothing_due(exemption, explain, INJURY_2026 if x["occupational_injury"] else CEILING_2026)
    gp, specialist = _doctor_charges_2026(x, explain)
    prescriptions = _prescription_charges(x, p, explain, PRESCRIPTION_WORDS_2026, MEDICINES_2026)
    other = x["other_ceiling_1_charges"] + x["second_ceiling_charges"]
    if other:
        explain.step(f"Other approved charges (psychologists, hospital outpatient care, X-ray, travel to treatment, "
                     f"physiotherapy, some dental treatment, rehabilitation stays): {nok(other)}. Since 2021 they all "
                     "count towards one ceiling.", CEILING_2026)
    charges = gp + specialist + prescriptions + other
    ceiling = p("healthcare.ceiling_1")
    pays, reached = _after_ceiling(charges, ceiling, "The ceiling (egenandelstak)",
                                   "you get an exemption card (frikort) for the rest of the calendar year.", explain,
                                   CEILING_2026)
    unpriced = (x["gp_visits"] or x["specialist_visits"]) and not gp + specialist
    explain.answer(_headline(pays, reached, ceiling) +
                   (" Doctor's consultations are not included: enter what you paid for them." if unpriced else ""))
    return dict(patient_pays=pays, ceiling_reached=reached, charges_before_ceiling=charges, gp_charges=gp,
                specialist_charges=specialist, prescription_charges=prescriptions,
                second_ceiling_pays=ZERO, second_ceiling_reached=False)


CALCULATOR = Calculator(
    id="healthcare_costs",
    title="Patient charges for healthcare",
    chapter="II",
    summary="What you pay yourself (egenandeler) in a calendar year for doctors and important medicines, up to "
            "the ceiling that gives an exemption card (frikort).",
    inputs=(
        fields.integer("age", "Age of the patient", required=True, example=40, max=120, unit="years",
                       help="Children under 16 pay no charges."),
        fields.integer("gp_visits", "GP consultations in the year", max=366, example=4,
                       help="Standard consultations with a general practitioner (your regular doctor)."),
        fields.integer("specialist_visits", "Specialist consultations in the year", max=366,
                       help="Consultations with a specialist, on referral. Outpatient consultations at a "
                            "hospital are counted here: the guide says the normal charges apply to them."),
        fields.money("gp_charges_paid", "Charges you paid for GP consultations", max=1_000_000, example=700,
                     help="For the 2026 rules: what you paid your GP in the year. helsenorge.no, 'Egenandeler og "
                          "frikort', lists every charge registered for you."),
        fields.money("specialist_charges_paid", "Charges you paid for specialist consultations", max=1_000_000,
                     help="For the 2026 rules: what you paid specialists in the year (helsenorge.no, 'Egenandeler "
                          "og frikort')."),
        fields.integer("important_prescriptions", "Purchases of blue-prescription medicines", max=200, example=4,
                       help="How many times in the year you collect medicines on the important medicines list "
                            "(blue prescription), usually a 3-month supply each time. 2013 rules: count each "
                            "medicine separately. 2026 rules: count each visit to the pharmacy."),
        fields.money("important_prescription_cost", "Full price of each purchase", max=1_000_000, example=900,
                     help="The full price of what you collect each time, before your share."),
        fields.money("other_ceiling_1_charges", "Other charges: psychologists, hospital, X-ray, travel", max=1_000_000,
                     help="Charges you have paid for psychologists, hospital outpatient care, laboratories and "
                          "X-ray, and travel to examination and treatment. They count towards the same ceiling."),
        fields.money("second_ceiling_charges", "Charges for physiotherapy, dental treatment, rehabilitation",
                     max=1_000_000,
                     help="Charges for physiotherapy, reimbursable dental treatment, accommodation at "
                          "rehabilitation centres and treatment abroad. 2013 rules: they had their own ceiling "
                          "(ceiling 2). Since 2021 they count towards the one ceiling."),
        fields.boolean("occupational_injury", "Treatment for an occupational injury or disease",
                       help="No charges are due for treatment of an injury or disease caused by your work."),
    ),
    outputs=(
        Output("patient_pays", "You pay in the year (up to the ceiling)", "NOK/year"),
        Output("ceiling_reached", "Ceiling reached: exemption card (frikort) for the rest of the year", "boolean"),
        Output("charges_before_ceiling", "Charges before the ceiling", "NOK/year"),
        Output("gp_charges", "Of which GP consultations", "NOK/year"),
        Output("specialist_charges", "Of which specialist consultations", "NOK/year"),
        Output("prescription_charges", "Of which medicines on blue prescription", "NOK/year"),
        Output("second_ceiling_pays", "You pay in the year under ceiling 2 (2013 rules only)", "NOK/year"),
        Output("second_ceiling_reached", "Ceiling 2 reached (2013 rules only)", "boolean"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "2013 rules: charges here are the guide's standard charges. Consulting a specialist without referral costs more, "
        "and special exemptions apply to some diseases and groups of patients; neither is modelled.",
        "Hospital stays, medicines given in hospital included, cost nothing. Treatment at a private clinic "
        "without a public agreement is paid in full by the patient and does not count.",
        "The ceiling reached means the charges paid in one calendar year add up to the ceiling; the order of "
        "visits does not change the total you pay.",
        "An occupational injury exempts the treatment of that injury only; enter the other treatment "
        "separately if you have some.",
    ),
)
