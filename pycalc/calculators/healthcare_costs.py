"""Patient charges for healthcare (egenandeler) and the cost-sharing ceilings, guide chapter II."""
from decimal import Decimal

from .. import fields
from ..model import Calculator, Output
from ..money import nok, percent
from ..sources import guide

COVERED = guide("II", "What is covered?")
ZERO = Decimal(0)


def _exemption(x, p):
    """Why no charges are due, or None when the ordinary charges apply."""
    age_limit = p("healthcare.exempt_below_age")
    if x["age"] < age_limit:
        return f"Children under {age_limit} are exempt from charges altogether: you pay nothing."
    if x["occupational_injury"]:
        return "No charges are due for treatment of an occupational injury or disease: you pay nothing."
    return None


def _doctor_charges(x, p, explain):
    gp, specialist = p("healthcare.gp_charge"), p("healthcare.specialist_charge")
    gp_total, specialist_total = x["gp_visits"] * gp, x["specialist_visits"] * specialist
    explain.step(f"GP consultations: {x['gp_visits']} × {nok(gp)} = {nok(gp_total)}.", COVERED)
    explain.step(f"Specialist consultations: {x['specialist_visits']} × {nok(specialist)} = "
                 f"{nok(specialist_total)}.", COVERED)
    return gp_total, specialist_total


def _prescription_charges(x, p, explain):
    share, maximum = p("healthcare.important_medicine_share"), p("healthcare.important_medicine_maximum")
    if not x["important_prescriptions"]:
        explain.step(f"No prescriptions from the important medicines list (the patient would pay {percent(share)} "
                     f"of each, at most {nok(maximum)} for 3 months).", COVERED)
        return ZERO
    each = min(x["important_prescription_cost"] * share, maximum)
    total = x["important_prescriptions"] * each
    capped = " (capped)" if x["important_prescription_cost"] * share > maximum else ""
    explain.step(
        f"Important medicines: {percent(share)} of {nok(x['important_prescription_cost'])}, at most "
        f"{nok(maximum)}, is {nok(each)}{capped} for each 3-month prescription; "
        f"{x['important_prescriptions']} × {nok(each)} = {nok(total)}.",
        COVERED,
    )
    return total


def _after_ceiling(charges, ceiling, what, once_reached, explain):
    reached = charges >= ceiling
    pays = min(charges, ceiling)
    if reached:
        explain.step(f"{what}: charges of {nok(charges)} reach the ceiling of {nok(ceiling)}. You pay {nok(pays)}; "
                     f"{once_reached}", COVERED)
    else:
        explain.step(f"{what}: charges of {nok(charges)} stay below the ceiling of {nok(ceiling)}; "
                     f"you pay them all.", COVERED)
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
        explain.step(exemption, COVERED)
        return dict(patient_pays=ZERO, ceiling_reached=False, charges_before_ceiling=ZERO, gp_charges=ZERO,
                    specialist_charges=ZERO, prescription_charges=ZERO, second_ceiling_pays=ZERO,
                    second_ceiling_reached=False)
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
    return dict(patient_pays=pays, ceiling_reached=reached, charges_before_ceiling=charges, gp_charges=gp,
                specialist_charges=specialist, prescription_charges=prescriptions,
                second_ceiling_pays=second_pays, second_ceiling_reached=second_reached)


CALCULATOR = Calculator(
    id="healthcare_costs",
    title="Patient charges for healthcare",
    chapter="II",
    summary="What you pay yourself in a calendar year for doctors and important medicines, after the "
            "cost-sharing ceiling.",
    inputs=(
        fields.integer("age", "Age of the patient", required=True, example=40, max=120, unit="years",
                       help="Children under 16 pay no charges."),
        fields.integer("gp_visits", "GP consultations in the year", max=366,
                       help="Standard consultations with a general practitioner (your regular doctor)."),
        fields.integer("specialist_visits", "Specialist consultations in the year", max=366,
                       help="Consultations with a specialist, on referral. Outpatient consultations at a "
                            "hospital are counted here: the guide says the normal charges apply to them."),
        fields.integer("important_prescriptions", "3-month prescriptions of important medicines", max=200,
                       help="How many 3-month supplies you buy in the year of medicines on the important "
                            "medicines list (blue prescription). Count each medicine separately."),
        fields.money("important_prescription_cost", "Price of each 3-month prescription", max=1_000_000,
                     help="The full price of one 3-month supply before the patient's share."),
        fields.money("other_ceiling_1_charges", "Other charges under ceiling 1", max=1_000_000,
                     help="Charges you have paid for psychologists and for travel to examination and "
                          "treatment. They count towards the same ceiling."),
        fields.money("second_ceiling_charges", "Charges under ceiling 2", max=1_000_000,
                     help="Charges for physiotherapy, reimbursable dental treatment, accommodation at "
                          "rehabilitation centres and treatment abroad. They have their own ceiling."),
        fields.boolean("occupational_injury", "Treatment for an occupational injury or disease",
                       help="No charges are due for treatment of an injury or disease caused by your work."),
    ),
    outputs=(
        Output("patient_pays", "You pay in the year (ceiling 1)", "NOK/year"),
        Output("ceiling_reached", "Ceiling 1 reached: free treatment for the rest of the year", "boolean"),
        Output("charges_before_ceiling", "Charges before ceiling 1", "NOK/year"),
        Output("gp_charges", "Of which GP consultations", "NOK/year"),
        Output("specialist_charges", "Of which specialist consultations", "NOK/year"),
        Output("prescription_charges", "Of which important medicines", "NOK/year"),
        Output("second_ceiling_pays", "You pay in the year (ceiling 2)", "NOK/year"),
        Output("second_ceiling_reached", "Ceiling 2 reached", "boolean"),
    ),
    formulas={"2013": formula_2013},
    notes=(
        "Charges here are the guide's standard charges. Consulting a specialist without referral costs more, "
        "and special exemptions apply to some diseases and groups of patients; neither is modelled.",
        "Hospital stays, medicines given in hospital included, cost nothing. Treatment at a private clinic "
        "without a public agreement is paid in full by the patient and does not count.",
        "The ceiling reached means the charges paid in one calendar year add up to the ceiling; the order of "
        "visits does not change the total you pay.",
        "An occupational injury exempts the treatment of that injury only; enter the other treatment "
        "separately if you have some.",
    ),
)
