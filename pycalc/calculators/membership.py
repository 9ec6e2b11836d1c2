"""Membership of the National Insurance Scheme (medlemskap i folketrygden), chapter Membership."""
from .. import fields
from ..model import Calculator, Output
from ..sources import guide

NAV_PAGE = "NAV, 'Membership of the National Insurance Scheme'"
COMPULSORY = f"{NAV_PAGE}, 'Compulsory membership pursuant to the provisions of the National Insurance Act'; folketrygdloven § 2-1"
WORK = f"{NAV_PAGE}, 'Compulsory membership pursuant to the provisions of the National Insurance Act'; folketrygdloven § 2-2"
SAILOR = f"{NAV_PAGE}, 'Not resident in Norway'; folketrygdloven § 2-4"
VOLUNTARY = f"{NAV_PAGE}, 'Voluntary membership pursuant to the provisions of the National Insurance Act'; folketrygdloven § 2-7"
VOLUNTARY_ABROAD = (f"{NAV_PAGE}, 'Voluntary membership during stays outside of Norway'; folketrygdloven § 2-8")
AGREEMENTS = f"{NAV_PAGE}, 'Social security agreement'; folketrygdloven § 1-3"
RESIDENT_AND_EMPLOYEE = "European Commission, 'Norway - Resident and employee in Norway'"
ENDS = f"{RESIDENT_AND_EMPLOYEE}; folketrygdloven § 2-14"
WHO_IS_COVERED = guide("I", "Who is covered by social security in Norway?")

# Agreement partners as NAV lists them on its membership page; the list changes, so readers are sent there.
NORDIC_CONVENTION = ("Denmark", "Finland", "Iceland", "Norway", "Sweden")
BILATERAL_AGREEMENTS = (
    "the United States", "Canada", "Australia", "India", "Great Britain and Northern Ireland",
    "Bosnia-Herzegovina", "Chile", "Israel", "Montenegro", "Serbia", "Turkey", "the province of Quebec",
)


def agreements_step(explain) -> None:
    """Agreements override the National Insurance Act, so every answer points to them."""
    explain.step(
        "Social security agreements take precedence over the National Insurance Act and decide which one "
        "country covers you. The EEA Agreement (the EU countries, Iceland, Liechtenstein and Norway) comes "
        f"first; then the Nordic Convention on Social Security ({', '.join(NORDIC_CONVENTION)}); and "
        f"bilateral agreements with {', '.join(BILATERAL_AGREEMENTS[:-1])} and {BILATERAL_AGREEMENTS[-1]}. "
        "This is the list NAV gives on its page 'Membership of the National Insurance Scheme' (nav.no); check there, or with NAV, for the "
        "current list and what the agreement with your country says.",
        AGREEMENTS,
    )


def _excluded(x, explain) -> bool:
    if x["foreign_diplomat"]:
        explain.step("Diplomats of other countries do not become members, even if they live and work in "
                     "Norway.", RESIDENT_AND_EMPLOYEE)
        return True
    if x["posted_to_norway"]:
        explain.step("A worker posted to Norway by an employer abroad, who stays covered at home under the EEA "
                     "Agreement or a bilateral agreement, does not become a member. Your home country's "
                     "scheme covers you.", RESIDENT_AND_EMPLOYEE)
        return True
    if not x["lawful_stay"]:
        explain.step("Membership requires a lawful stay in Norway, and membership through work a legal right "
                     "to work here. Without it you are not a member, however long you stay.", COMPULSORY)
        return True
    return False


def _works_only_abroad(x, p, explain) -> bool:
    if not x["works_abroad"] or x["works_in_norway"] or x["eea_sailor_norwegian_ship"]:
        return False
    explain.step("Membership through residence or work ceases when you start work abroad or on a ship "
                 "registered abroad. If you work abroad for a Norwegian employer on a stay of up to "
                 f"{p('membership.abroad_maximum_months')} months, or for the Norwegian state, see the "
                 "'Membership abroad' calculator.", ENDS)
    return True


def _residence(x, p, explain) -> bool:
    needed = p("membership.residence_minimum_months")
    resident = x["stay_months"] >= needed
    explain.step(
        f"A lawful stay of {x['stay_months']} months "
        f"{'reaches' if resident else 'is short of'} the {needed} months (actual or intended) that make you "
        f"resident in Norway{', and so a compulsory member from the day you arrive' if resident else ''}.",
        COMPULSORY,
    )
    return resident


def _work(x, explain, resident=False) -> bool:
    if x["eea_sailor_norwegian_ship"]:
        explain.step("As a citizen of Norway or another EEA country working on a ship flagged in Norway, you are "
                     "a compulsory member wherever you live.", SAILOR)
        return True
    if x["works_in_norway"]:
        explain.step("You also work in Norway, which on its own would make you a member as well." if resident else
                     "Working in Norway or on the Norwegian continental shelf makes you a compulsory member even "
                     "if you do not live here.", WORK)
        if x["works_abroad"]:
            explain.step("You also work abroad: when you work in more than one country, the EEA rules or the "
                         "agreement concerned decide which single country covers you.", RESIDENT_AND_EMPLOYEE)
        return True
    return False


def _voluntary(x, p, explain) -> bool:
    shortest, longest = p("membership.voluntary_minimum_months"), p("membership.residence_minimum_months")
    long_enough = shortest <= x["stay_months"] < longest
    if long_enough and x["strong_ties"]:
        explain.step(f"A stay of {x['stay_months']} months, between {shortest} and {longest} months, without "
                     f"work and with strong ties to Norway: you may apply for voluntary membership. NAV decides "
                     f"after weighing your ties.", VOLUNTARY)
        return True
    if long_enough:
        explain.step(f"A stay of {x['stay_months']} months without work may allow voluntary membership only "
                     f"with strong ties to Norway, which you have not indicated.", VOLUNTARY)
    elif x["stay_months"] == 0:
        explain.step("You live abroad and do not work in Norway, so you are not a member. If you were a member "
                     "and are moving abroad, see the 'Membership abroad' calculator; former members may apply "
                     "for voluntary membership abroad under certain conditions.", WHO_IS_COVERED)
    else:
        explain.step(f"A stay of {x['stay_months']} months is shorter than the {shortest} months needed even "
                     f"for voluntary membership. Your home country's scheme, or for EEA nationals the European "
                     f"Health Insurance Card, may cover you.", VOLUNTARY)
    return False


def _status(x, p, explain):
    if _excluded(x, explain) or _works_only_abroad(x, p, explain):
        return "not_member", None
    if _residence(x, p, explain):
        _work(x, explain, resident=True)
        return "compulsory", "residence"
    if _work(x, explain):
        return "compulsory", "work"
    if _voluntary(x, p, explain):
        return "voluntary_possible", None
    return "not_member", None


def _boundaries_note(p, explain) -> None:
    shortest, longest = p("membership.voluntary_minimum_months"), p("membership.residence_minimum_months")
    explain.note(f"NAV's 'at least {longest} months' is read as: a stay of exactly {longest} months makes "
                 f"you resident. Its 'between {shortest} and {longest} months' is read as {shortest} months or "
                 f"more but less than {longest}.")


def _answer(status, basis) -> str:
    if status == "compulsory":
        return (f"You are probably a compulsory member of the National Insurance Scheme (folketrygden), through "
                f"{'residence' if basis == 'residence' else 'work'}.")
    if status == "voluntary_possible":
        return "You are probably not a compulsory member, but you may apply to NAV for voluntary membership."
    return "You are probably not a member of the National Insurance Scheme (folketrygden) on these facts."


def _decide(x, p, explain):
    _boundaries_note(p, explain)
    status, basis = _status(x, p, explain)
    agreements_step(explain)
    explain.answer(_answer(status, basis))
    return dict(status=status, basis=basis)


def formula_2013(x, p, explain):
    return _decide(x, p, explain)


def formula_2026(x, p, explain):
    explain.note("2026 rules: the rules as NAV's page 'Membership of the National Insurance Scheme' and the "
                 "European Commission's page state them today, with folketrygdloven §§ 2-1, 2-2, 2-4, 2-7 and 2-14. "
                 "We found no change in these rules since 2013.")
    return _decide(x, p, explain)


CALCULATOR = Calculator(
    id="membership",
    title="Membership of the National Insurance Scheme",
    chapter="Membership",
    summary="Whether a stay or work in Norway makes you a member of the National Insurance Scheme, and on "
            "what basis.",
    inputs=(
        fields.integer("stay_months", "Length of your stay in Norway", required=True, example=24, max=1200,
                       unit="months",
                       help="How long you have stayed, or intend to stay, in Norway. 0 if you live abroad."),
        fields.boolean("lawful_stay", "Lawful stay", default=True,
                       help="You have a legal right to stay in Norway (a permit, or the EEA rules), and, if "
                            "you work here, a legal right to work."),
        fields.boolean("works_in_norway", "Working in Norway",
                       help="As an employee or self-employed, in Norway or on the Norwegian continental shelf."),
        fields.boolean("eea_sailor_norwegian_ship", "EEA citizen working on a Norwegian ship",
                       help="A citizen of Norway or another EEA country working on a ship flagged in Norway. "
                            "Not catering work on a tourist ship in the Norwegian International Ship Register "
                            "(NIS)."),
        fields.boolean("works_abroad", "Working abroad or on a ship registered abroad",
                       help="Starting work abroad, or on a ship registered abroad, ends membership."),
        fields.boolean("foreign_diplomat", "Diplomat of another country",
                       help="Foreign diplomats are not members even if they live and work in Norway."),
        fields.boolean("posted_to_norway", "Posted to Norway by an employer abroad",
                       help="Sent here for a limited period by an employer abroad and still covered at home "
                            "under the EEA Agreement or a bilateral agreement."),
        fields.boolean("strong_ties", "Strong ties to Norway",
                       help="For voluntary membership on a stay of 3 to 12 months without work: for example "
                            "earlier membership, or a spouse who is a member."),
    ),
    outputs=(
        Output("status", "Membership", "text", texts={
            "compulsory": "Compulsory member", "voluntary_possible": "Voluntary membership possible",
            "not_member": "Not a member"}),
        Output("basis", "Membership based on", "text"),
    ),
    formulas={"2013": formula_2013, "2026": formula_2026},
    notes=(
        "Membership does not depend on citizenship, on being registered in the National Population Register "
        "or on paying tax to Norway.",
        "NAV checks the intended length of a stay against objective facts, not only your own statement.",
        "When you are both resident and working in Norway, the basis shown is residence.",
        "Agreements with other countries (EEA, Nordic, bilateral) take precedence and may place you in another "
        "country's scheme; the answer here follows the National Insurance Act.",
        "Students with loans from the Norwegian State Educational Loan Fund, and people working abroad for the "
        "Norwegian state, are covered in the 'Membership abroad' calculator.",
    ),
)
