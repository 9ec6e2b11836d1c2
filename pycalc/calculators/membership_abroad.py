"""Membership during a stay abroad (medlemskap ved opphold i utlandet), chapter Membership."""
from .. import fields
from ..model import Calculator, Output
from .membership import COMPULSORY, ENDS, NAV_PAGE, VOLUNTARY_ABROAD, WHO_IS_COVERED, agreements_step

NOT_RESIDENT = (f"{NAV_PAGE}, 'Compulsory membership pursuant to the provisions of the National Insurance Act' "
                "(Not resident in Norway); folketrygdloven § 2-5")

STUDY_CHOICES = (
    ("no", "No"),
    ("outside_eea", "Yes, outside the Nordic countries and the EU/EEA"),
    ("in_eea", "Yes, in a Nordic country or the EU/EEA"),
)


def _always_member(x, explain):
    """The reason when a group stays a compulsory member however long the stay, else None."""
    if x["norwegian_state_service"]:
        explain.step("As a citizen of Norway or another EEA country employed abroad in the service of the "
                     "Norwegian state, you remain a compulsory member however long you stay abroad.", NOT_RESIDENT)
        return "norwegian_state_service"
    if x["loan_fund_study"] == "outside_eea":
        explain.step("As a citizen of Norway or another EEA country studying outside the Nordic countries and "
                     "the EU/EEA with funding from the Norwegian State Educational Loan Fund, you remain a "
                     "compulsory member however long you study abroad.", NOT_RESIDENT)
        return "state_funded_student"
    if x["loan_fund_study"] == "in_eea":
        explain.step("Studying in a Nordic country or the EU/EEA, you are a member of the scheme of the country "
                     "where you are considered resident: the one you are most affiliated with, whatever your "
                     "registered address. The rules below show whether Norway still counts as that country.",
                     NOT_RESIDENT)
    return None


def _work_ends_membership(x, explain) -> bool:
    if not x["works_abroad"]:
        return False
    if x["norwegian_employer"]:
        explain.step("You work abroad for a Norwegian employer who pays the employer's contribution in Norway, "
                     "and receive no salary from a foreign employer: work does not end your membership, but the "
                     "limits on the length of the stay still apply.", COMPULSORY)
        return False
    explain.step("Starting work abroad, or on a ship registered abroad, for an employer other than a Norwegian "
                 "one that pays the employer's contribution in Norway ends your membership. Under the EEA "
                 "Agreement or a bilateral agreement a worker temporarily posted abroad may keep it: ask your "
                 "employer or NAV.", ENDS)
    return True


def _stay_too_long(x, p, explain):
    """The reason the length of the stay ends membership, or None."""
    longest = p("membership.abroad_maximum_months")
    if x["months_abroad"] > longest:
        explain.step(f"A stay abroad of {x['months_abroad']} months is more than {longest} months: your "
                     f"membership ends.", ENDS)
        return "long_stay"
    explain.step(f"A stay abroad of {x['months_abroad']} months is within the {longest} consecutive months a "
                 f"resident member may spend abroad.", COMPULSORY)
    per_year, years = p("membership.abroad_months_a_year"), p("membership.abroad_consecutive_years")
    counted = x["years_abroad_over_6_months"]
    if counted >= years:
        explain.step(f"More than {per_year} months abroad a year for {counted} consecutive years: {years} or more "
                     f"such years end your membership.", COMPULSORY)
        return "repeated_long_stays"
    explain.step(f"More than {per_year} months abroad a year for {counted} consecutive years: fewer than the "
                 f"{years} that would end your membership.", COMPULSORY)
    return None


def _after_membership_ends(explain) -> None:
    explain.step("When compulsory membership ends, you may be entitled to voluntary membership during your "
                 "stay abroad, for instance if you have been a member before; ask NAV.", VOLUNTARY_ABROAD)
    explain.step("Former members living abroad who fulfil certain conditions on earlier periods of insurance "
                 "may apply for voluntary insurance.", WHO_IS_COVERED)


def _boundaries_note(p, explain) -> None:
    longest, per_year = p("membership.abroad_maximum_months"), p("membership.abroad_months_a_year")
    years = p("membership.abroad_consecutive_years")
    explain.note(f"A stay of exactly {longest} months keeps membership ('up to {longest} consecutive months'); "
                 f"one month more ends it. {years} consecutive years with more than {per_year} months abroad end "
                 f"it; {years - 1} such year does not.")


REASON_WORDS = {
    "long_stay": "the stay abroad is too long", "repeated_long_stays": "you are abroad too long in consecutive years",
    "work_abroad": "you work abroad for an employer that does not pay the employer's contribution in Norway",
}


def _decide(x, p, explain):
    _boundaries_note(p, explain)
    explain.note("This assumes you are a member now, as a resident of Norway; see the 'Membership' calculator "
                 "otherwise.")
    reason = _always_member(x, explain)
    if reason:
        agreements_step(explain)
        explain.answer("You probably stay a member of the National Insurance Scheme (folketrygden) however long "
                       "you are abroad.")
        return dict(keeps_membership=True, reason=reason)
    if _work_ends_membership(x, explain):
        reason = "work_abroad"
    else:
        reason = _stay_too_long(x, p, explain)
    if reason:
        _after_membership_ends(explain)
    agreements_step(explain)
    explain.answer(f"Your membership probably ends: {REASON_WORDS[reason]}. Ask NAV about voluntary membership."
                   if reason else
                   "You probably keep your membership of the National Insurance Scheme (folketrygden) during the stay.")
    return dict(keeps_membership=reason is None, reason=reason or "short_stay")


def formula_2013(x, p, explain):
    return _decide(x, p, explain)


def formula_2026(x, p, explain):
    explain.note("2026 rules: the rules as NAV's page 'Membership of the National Insurance Scheme' and the "
                 "European Commission's page state them today, with folketrygdloven §§ 2-1, 2-5, 2-8 and 2-14. We "
                 "found no change in these rules since 2013.")
    return _decide(x, p, explain)


CALCULATOR = Calculator(
    id="membership_abroad",
    title="Membership during a stay abroad",
    chapter="Membership",
    summary="Whether you keep your membership of the National Insurance Scheme while you stay or work abroad.",
    inputs=(
        fields.integer("months_abroad", "Length of the stay abroad", required=True, example=6, max=1200,
                       unit="months", help="How long the stay abroad lasts, or is meant to last, in a row."),
        fields.integer("years_abroad_over_6_months", "Consecutive years with more than 6 months abroad",
                       unit="years",
                       help="For people who commute or go abroad every year: how many years in a row, this "
                            "year included, you are abroad for more than 6 months."),
        fields.boolean("works_abroad", "Working abroad",
                       help="You work abroad, or on a ship registered abroad, during the stay."),
        fields.boolean("norwegian_employer", "Working for a Norwegian employer",
                       help="Your employer is Norwegian and pays the employer's contribution in Norway, and you "
                            "get no salary from a foreign employer."),
        fields.boolean("norwegian_state_service", "Employed abroad by the Norwegian state",
                       help="A citizen of Norway or another EEA country working abroad in the service of the "
                            "Norwegian state, for example at an embassy."),
        fields.choice("loan_fund_study", "Studying abroad with the Norwegian State Educational Loan Fund",
                      STUDY_CHOICES,
                      help="A citizen of Norway or another EEA country studying abroad with funding from "
                           "Lånekassen, and where."),
    ),
    outputs=(
        Output("keeps_membership", "Keeps membership during the stay", "boolean"),
        Output("reason", "Why", "text", texts={
            "short_stay": "The stay is short enough", "long_stay": "The stay is too long",
            "repeated_long_stays": "Long stays abroad in consecutive years", "work_abroad": "Work abroad",
            "norwegian_state_service": "In Norwegian state service", "state_funded_student": "Student with Norwegian state funding"}),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "A pensioner who settles in another EEA country stops being a member and is covered in that country, "
        "but must still pay the National Insurance contribution on a Norwegian pension, unless receiving a "
        "pension from the country of residence.",
        "Agreements with other countries (EEA, Nordic, bilateral) take precedence over these rules.",
    ),
)
