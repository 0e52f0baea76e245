"""Hard cases of the bundled data, pinned on key days and on the days either side of each
contested change, for every organisation the lead listed. Each pin is what the event's sources
say (the comment names them); the CSTO seed case is in test_seed.py. One load for the module."""

from __future__ import annotations

import pytest

import alliances
from alliances.dataset import Dataset

TODAY = "2026-11-26"


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return alliances.load()


def members(ds: Dataset, org: str, on: str, status: str | None = None) -> set[str]:
    """The countries in ``org`` on a day (members and frozen by default)."""
    return set(ds.members(org, on=on, status=status)["country"])


def status(ds: Dataset, org: str, country: str, on: str) -> str | None:
    """The country's status in ``org`` on a day, any status; None when it has none."""
    rows = ds.members(org, on=on, status="all")
    rows = rows[rows["country"] == country]
    return None if rows.empty else str(rows["status"].iloc[0])


def statuses(ds: Dataset, org: str, country: str, days: list[str]) -> list[str | None]:
    return [status(ds, org, country, d) for d in days]


def uncertain(ds: Dataset, org: str, country: str, on: str) -> bool:
    rows = ds.members(org, on=on, status="all")
    return bool(rows.loc[rows["country"] == country, "uncertain"].iloc[0])


# -- NATO, EU, euro area, Council of Europe --------------------------------------------------------
def test_nato_sweden_on_the_day_of_its_deposit(ds: Dataset) -> None:
    # Government of Sweden (EIN Presswire): instrument deposited just before 17:30 CET, 7 March.
    assert len(members(ds, "NATO", "2024-03-06")) == 31
    assert len(members(ds, "NATO", "2024-03-07")) == 32
    assert "SWE" not in members(ds, "NATO", "2024-03-06")
    # Finland deposited on 4 April 2023 (Sputnik; Bobr Times).
    assert len(members(ds, "NATO", "2023-04-03")) == 30
    assert "FIN" in members(ds, "NATO", "2023-04-04")
    # Leaving the integrated command is a milestone: France stays a member (coding rule 4).
    assert "FRA" in members(ds, "NATO", "1970-01-01")
    assert len(members(ds, "NATO", TODAY)) == 32


def test_uk_leaves_the_eu_at_the_end_of_31_january_2020(ds: Dataset) -> None:
    # Government of the Netherlands; European Commission Q&A: midnight, end-of-day rule.
    assert statuses(ds, "EU", "GBR", ["2020-01-31", "2020-02-01"]) == ["member", None]
    assert len(members(ds, "EU", "2020-01-31")) == 28
    assert len(members(ds, "EU", "2020-02-01")) == 27
    # Croatia, 1 July 2013 (europa.eu).
    assert len(members(ds, "EU", "2013-06-30")) == 27
    assert len(members(ds, "EU", "2013-07-01")) == 28
    assert ds.name_on("EU", "1993-10-31") == "European Communities"
    assert ds.name_on("EU", "1993-11-01") == "European Union"


def test_euro_area_bulgaria_2026(ds: Dataset) -> None:
    # Bulgaria adopted the euro on 1 January 2026 (21st member; SCMP via TuttiQuotidiani).
    assert len(members(ds, "EA", "2025-12-31")) == 20
    assert len(members(ds, "EA", "2026-01-01")) == 21
    assert "BGR" in members(ds, "EA", "2026-01-01")


def test_russia_suspended_then_out_of_the_council_of_europe(ds: Dataset) -> None:
    # Committee of Ministers, 25 February 2022 (immediate effect); CM/Res(2022)2: ceases to be
    # a member as from 16 March 2022.
    days = ["2022-02-24", "2022-02-25", "2022-03-15", "2022-03-16"]
    assert statuses(ds, "CoE", "RUS", days) == ["member", "suspended", "suspended", None]
    assert "RUS" not in members(ds, "CoE", "2022-02-25")  # suspended is not counted
    assert len(members(ds, "CoE", TODAY)) == 46


def test_greece_out_of_the_council_of_europe_1969_1974(ds: Dataset) -> None:
    # Council of Europe (70.coe.int): withdrew 12 December 1969, re-joined 28 November 1974.
    days = ["1969-12-11", "1969-12-12", "1974-11-27", "1974-11-28"]
    assert statuses(ds, "CoE", "GRC", days) == ["member", None, None, "member"]


# -- United Nations --------------------------------------------------------------------------------
def test_un_original_members_in_1945(ds: Dataset) -> None:
    # The UN's own list dates 29 originals 24 October 1945 and 22 others on their later
    # deposits, Greece (25 October) to Belgium (27 December): 51 by the end of 1945.
    assert members(ds, "UN", "1945-10-23") == set()
    assert len(members(ds, "UN", "1945-10-24")) == 29
    assert "GRC" not in members(ds, "UN", "1945-10-24")
    assert "GRC" in members(ds, "UN", "1945-10-25")
    assert len(members(ds, "UN", "1945-12-26")) == 50
    assert len(members(ds, "UN", "1945-12-27")) == 51
    assert len(members(ds, "UN", "1945-12-31")) == 51


def test_un_today(ds: Dataset) -> None:
    assert len(members(ds, "UN", TODAY)) == 193
    assert members(ds, "UN", TODAY, status="observer") == {"PSE", "VAT"}


def test_un_china_seat_1971(ds: Dataset) -> None:
    # Resolution 2758 (XXVI) of 25 October 1971: the seat passes from TWN to CHN (rule 5).
    before, after = members(ds, "UN", "1971-10-24"), members(ds, "UN", "1971-10-25")
    assert ("TWN" in before, "CHN" in before) == (True, False)
    assert ("TWN" in after, "CHN" in after) == (False, True)
    assert len(before) == len(after)


def test_un_ussr_seat_passes_to_russia(ds: Dataset) -> None:
    # Yeltsin's letter of 24 December 1991 (United Nations; Ask DAG).
    before, after = members(ds, "UN", "1991-12-23"), members(ds, "UN", "1991-12-24")
    assert ("SUN" in before, "RUS" in before) == (True, False)
    assert ("SUN" in after, "RUS" in after) == (False, True)
    assert len(before) == len(after)
    ev = ds.timeline("UN", countries=["RUS"])
    assert ev.iloc[0][["date", "event", "predecessor"]].tolist() == [
        "1991-12-24", "succeeded", "SUN"]


def test_indonesia_frozen_in_the_un_1965_1966(ds: Dataset) -> None:
    # IO membership chart: withdrawal effective 1 March 1965; back from 28 September 1966
    # without a new admission (VIVA), so coded frozen, which still counts (coding rule 4).
    days = ["1965-02-28", "1965-03-01", "1966-09-27", "1966-09-28"]
    assert statuses(ds, "UN", "IDN", days) == ["member", "frozen", "frozen", "member"]
    assert "IDN" in members(ds, "UN", "1966-01-01")


# -- Americas --------------------------------------------------------------------------------------
def test_oas_cuba_suspended_since_1962(ds: Dataset) -> None:
    # Punta del Este, Resolution VI of 31 January 1962; the 2009 resolution is a milestone
    # because Cuba never asked to return (OAS member states page).
    days = ["1962-01-30", "1962-01-31", "2009-06-03", TODAY]
    assert statuses(ds, "OAS", "CUB", days) == ["member", "suspended", "suspended", "suspended"]
    assert "CUB" not in members(ds, "OAS", TODAY)


def test_oas_venezuela_2019_and_nicaragua_2023(ds: Dataset) -> None:
    # Venezuela: notice 28 April 2017, out "a partir del 27 de abril" 2019 (Cooperativa.cl;
    # La Voce d'Italia). Nicaragua: notice 19 November 2021, Charter without force from
    # 19 November 2023 (RIA Novosti; dPrimeramano).
    assert statuses(ds, "OAS", "VEN", ["2019-04-26", "2019-04-27"]) == ["member", None]
    assert statuses(ds, "OAS", "NIC", ["2023-11-18", "2023-11-19"]) == ["member", None]
    ven = ds.timeline("OAS", countries=["VEN"]).iloc[-1]
    assert (ven["event"], ven["announced"]) == ("withdrew", "2017-04-28")
    assert len(members(ds, "OAS", TODAY)) == 32
    assert len(members(ds, "OAS", TODAY, status="all")) == 33


def test_oas_honduras_2009_2011(ds: Dataset) -> None:
    # Suspended late on 4 July 2009 (China Daily; OAS resolution), readmitted 1 June 2011
    # "con efecto inmediato" (BioBioChile).
    days = ["2009-07-03", "2009-07-04", "2011-05-31", "2011-06-01"]
    assert statuses(ds, "OAS", "HND", days) == ["member", "suspended", "suspended", "member"]


# -- Arab League, Africa ---------------------------------------------------------------------------
def test_arab_league_egypt_1979_1989_and_syria_2011_2023(ds: Dataset) -> None:
    # Baghdad, 31 March 1979; back 23 May 1989 (1978 Arab League summit article; Encarta).
    days = ["1979-03-30", "1979-03-31", "1989-05-22", "1989-05-23"]
    assert statuses(ds, "LAS", "EGY", days) == ["member", "suspended", "suspended", "member"]
    # Decided 12 November 2011 'beginning from November 16' (Saudi embassy); reinstated
    # 7 May 2023 (AP; Sputnik).
    days = ["2011-11-15", "2011-11-16", "2023-05-06", "2023-05-07"]
    assert statuses(ds, "LAS", "SYR", days) == ["member", "suspended", "suspended", "member"]
    syr = ds.timeline("LAS", countries=["SYR"])
    assert syr[syr["event"] == "suspended"].iloc[0]["announced"] == "2011-11-12"
    assert len(members(ds, "LAS", TODAY)) == 22


def test_morocco_leaves_the_oau_and_joins_the_au(ds: Dataset) -> None:
    # Announced 12 November 1984; effective November 1985, month only (africanfront.org;
    # Statesman's Yearbook: 1985).
    assert status(ds, "OAU", "MAR", "1984-11-12") == "member"
    assert status(ds, "OAU", "MAR", "1985-10-31") == "member"
    assert uncertain(ds, "OAU", "MAR", "1985-11-15")
    assert status(ds, "OAU", "MAR", "1985-12-01") is None
    # Admitted by the AU Assembly on Monday 30 January 2017 (Maroc Hebdo; Panapress).
    assert statuses(ds, "AU", "MAR", ["2017-01-29", "2017-01-30"]) == [None, "member"]


def test_au_today(ds: Dataset) -> None:
    # Amani Africa (26 February 2026): the suspended members; Guinea reinstated on
    # 22 January 2026 (PSC 1325th meeting).
    assert len(members(ds, "AU", "2002-07-09")) == 53
    assert len(members(ds, "AU", TODAY, status="all")) == 55
    assert members(ds, "AU", TODAY, status="suspended") == {
        "BFA", "GNB", "MDG", "MLI", "NER", "SDN"}
    assert len(members(ds, "AU", TODAY)) == 49
    assert statuses(ds, "AU", "GIN", ["2026-01-21", "2026-01-22"]) == ["suspended", "member"]


def test_ecowas_exit_of_mali_burkina_niger(ds: Dataset) -> None:
    # ECOWAS: 'The withdrawal ... has become effective today, 29th January 2025.'
    sahel = {"BFA", "MLI", "NER"}
    assert sahel <= members(ds, "ECOWAS", "2025-01-28", status="suspended")
    assert not sahel & members(ds, "ECOWAS", "2025-01-29", status="all")
    assert len(members(ds, "ECOWAS", "2025-01-28", status="all")) == 15
    assert len(members(ds, "ECOWAS", "2025-01-29", status="all")) == 12
    for c in sorted(sahel):
        exit_ = ds.timeline("ECOWAS", countries=[c]).iloc[-1]
        assert (exit_["date"], exit_["event"], exit_["announced"]) == (
            "2025-01-29", "withdrew", "2024-01-28")
    # Guinea-Bissau suspended on 27 November 2025; Guinea reinstated on 28 January 2026.
    assert members(ds, "ECOWAS", TODAY, status="suspended") == {"GNB"}
    assert len(members(ds, "ECOWAS", TODAY)) == 11
    assert members(ds, "AES", TODAY) == sahel


# -- SCO, BRICS, OPEC ------------------------------------------------------------------------------
def test_sco_members_and_partners_today(ds: Dataset) -> None:
    assert members(ds, "SCO", TODAY) == {
        "BLR", "CHN", "IND", "IRN", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"}
    # Tianjin, 1 September 2025: observers and dialogue partners merged into 'SCO partner',
    # 17 states (Interfax).
    assert len(members(ds, "SCO", TODAY, status="partner")) == 17
    assert members(ds, "SCO", "2025-08-31", status="observer") == {"AFG", "MNG"}
    assert members(ds, "SCO", "2025-09-01", status="observer") == set()
    assert {"AFG", "LAO", "MNG"} <= members(ds, "SCO", "2025-09-01", status="partner")
    # Iran, New Delhi declaration of 4 July 2023 (Sputnik); Belarus, Astana, 4 July 2024
    # (Kazinform).
    assert statuses(ds, "SCO", "IRN", ["2023-07-03", "2023-07-04"]) == ["observer", "member"]
    assert statuses(ds, "SCO", "BLR", ["2024-07-03", "2024-07-04"]) == ["observer", "member"]
    assert ds.name_on("SCO", "2001-06-14") == "Shanghai Five"


def test_brics_2024_and_2025(ds: Dataset) -> None:
    # Johannesburg: membership 'from the first of January 2024' (The New Arab); Argentina
    # declined (22 December 2023); Saudi Arabia never confirmed (candidate).
    assert len(members(ds, "BRICS", "2023-12-31")) == 5
    assert members(ds, "BRICS", "2024-01-01") - members(ds, "BRICS", "2023-12-31") == {
        "ARE", "EGY", "ETH", "IRN"}
    assert status(ds, "BRICS", "ARG", "2023-12-21") == "candidate"
    assert status(ds, "BRICS", "ARG", "2023-12-22") is None
    assert members(ds, "BRICS", TODAY, status="candidate") == {"SAU"}
    # Indonesia: partner from 1 January 2025, full member announced 6 January (Sputnik).
    days = ["2024-12-31", "2025-01-01", "2025-01-05", "2025-01-06"]
    assert statuses(ds, "BRICS", "IDN", days) == [None, "partner", "partner", "member"]
    assert len(members(ds, "BRICS", TODAY)) == 10
    assert members(ds, "BRICS", TODAY, status="partner") == {
        "BLR", "BOL", "CUB", "KAZ", "MYS", "NGA", "THA", "UGA", "UZB", "VNM"}


def test_opec_exits(ds: Dataset) -> None:
    # OPEC's member page: Qatar, Ecuador and Angola withdrew effective 1 January 2019, 2020
    # and 2024.
    for country, year in (("QAT", 2019), ("ECU", 2020), ("AGO", 2024)):
        assert statuses(ds, "OPEC", country, [f"{year - 1}-12-31", f"{year}-01-01"]) == [
            "member", None]
    assert members(ds, "OPEC", TODAY) == {
        "ARE", "COG", "DZA", "GAB", "GNQ", "IRN", "IRQ", "KWT", "LBY", "NGA", "SAU", "VEN"}
    assert members(ds, "OPEC", TODAY, status="suspended") == {"IDN"}
    # Gabon rejoined on 1 July 2016 (OPEC; approved 2 June 2016).
    assert statuses(ds, "OPEC", "GAB", ["2016-06-30", "2016-07-01"]) == [None, "member"]


# -- Commonwealth ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("country", "start", "end"),
    [
        ("NGA", "1995-11-11", "1999-05-29"),  # eh.lenin.ru
        ("PAK", "1999-10-18", "2004-05-22"),  # AP; The Independent
        ("PAK", "2007-11-22", "2008-05-12"),  # CNN; The Daily Star (AFP)
        ("FJI", "2000-06-06", "2001-12-20"),  # BBC News
        ("FJI", "2006-12-08", "2014-09-26"),  # BBC News; Commonwealth Secretariat
        ("GAB", "2023-09-18", "2025-07-15"),  # Commonwealth Secretariat (AllAfrica)
    ],
)
def test_commonwealth_suspensions(ds: Dataset, country: str, start: str, end: str) -> None:
    before = _day_before(start)
    last = _day_before(end)
    assert statuses(ds, "Commonwealth", country, [before, start, last, end]) == [
        "member", "suspended", "suspended", "member"]


def test_commonwealth_zimbabwe_maldives_and_today(ds: Dataset) -> None:
    # Zimbabwe: suspended 19 March 2002, withdrew 'with immediate effect' 7 December 2003.
    days = ["2002-03-18", "2002-03-19", "2003-12-06", "2003-12-07"]
    assert statuses(ds, "Commonwealth", "ZWE", days) == ["member", "suspended", "suspended", None]
    # Maldives: special member (associate) 1982, full 1985, out 2016, back 1 February 2020.
    days = ["1982-07-09", "1985-07-20", "2016-10-13", "2020-01-31", "2020-02-01"]
    assert statuses(ds, "Commonwealth", "MDV", days) == [
        "associate", "member", None, None, "member"]
    assert len(members(ds, "Commonwealth", TODAY)) == 56


# -- Cold War alliances ----------------------------------------------------------------------------
def test_anzus_new_zealand_1986(ds: Dataset) -> None:
    # Shultz-Hayden statement, San Francisco, Monday 11 August 1986 (AP; The Press).
    days = ["1986-08-10", "1986-08-11", TODAY]
    assert statuses(ds, "ANZUS", "NZL", days) == ["member", "suspended", "suspended"]
    assert members(ds, "ANZUS", TODAY) == {"AUS", "USA"}


def test_cento_iraq_1959(ds: Dataset) -> None:
    # National Archives record; Gibler: 'in force until March 24, 1959'.
    assert statuses(ds, "CENTO", "IRQ", ["1959-03-23", "1959-03-24"]) == ["member", None]
    assert members(ds, "CENTO", "1959-03-24") == {"GBR", "IRN", "PAK", "TUR"}
    assert members(ds, "CENTO", "1959-03-05", status="observer") == {"USA"}
    assert ds.name_on("CENTO", "1959-08-19") == "Central Treaty Organization"


def test_warsaw_pact_albania_and_the_gdr(ds: Dataset) -> None:
    # bpb: Albania's membership 'ruht seit 1. 2. 1962'; it left on 13 September 1968.
    days = ["1962-01-31", "1962-02-01", "1968-09-12", "1968-09-13"]
    assert statuses(ds, "WP", "ALB", days) == ["member", "frozen", "frozen", None]
    assert len(members(ds, "WP", "1968-09-12")) == 8  # frozen still counts
    assert len(members(ds, "WP", "1968-09-13")) == 7
    # The GDR's exit protocol of 24 September 1990 (Bundesregierung; taz/ADN).
    assert statuses(ds, "WP", "DDR", ["1990-09-23", "1990-09-24"]) == ["member", None]
    # Dissolved by the protocol signed in Prague on 1 July 1991.
    assert len(members(ds, "WP", "1991-06-30")) == 6
    assert members(ds, "WP", "1991-07-01") == set()


def test_comecon(ds: Dataset) -> None:
    # Six founders (communiqué of 25 January 1949), Albania in February 1949 (month only).
    assert members(ds, "CMEA", "1949-01-25") == {"BGR", "CSK", "HUN", "POL", "ROU", "SUN"}
    assert uncertain(ds, "CMEA", "ALB", "1949-02-15")
    # GDR admitted 29 September 1950 (Bundesstiftung Aufarbeitung; bpb says the 28th: note);
    # its membership ends with its existence on 3 October 1990.
    days = ["1950-09-28", "1950-09-29", "1990-10-02", "1990-10-03"]
    assert statuses(ds, "CMEA", "DDR", days) == [None, "member", "member", None]
    # Vietnam, Bucharest, 29 June 1978 (AP: 'yesterday').
    assert statuses(ds, "CMEA", "VNM", ["1978-06-28", "1978-06-29"]) == [None, "member"]
    # Albania stopped taking part in 1961 (year only) and never formally left: frozen.
    assert status(ds, "CMEA", "ALB", "1975-01-01") == "frozen"
    assert uncertain(ds, "CMEA", "ALB", "1961-06-01")
    # Dissolution protocol signed in Budapest on 28 June 1991.
    assert len(members(ds, "CMEA", "1991-06-27")) == 10
    assert members(ds, "CMEA", "1991-06-28") == set()


def test_cis_georgia_ukraine_turkmenistan(ds: Dataset) -> None:
    # Georgia joined in December 1993 (Kremlin glossary: month only) and the Charter ceased to
    # be in force for it 'from 18 August 2009' (Kodeks; ITAR-TASS).
    assert status(ds, "CIS", "GEO", "1993-11-30") is None
    assert uncertain(ds, "CIS", "GEO", "1993-12-15")
    days = ["1994-01-01", "2009-08-17", "2009-08-18"]
    assert statuses(ds, "CIS", "GEO", days) == ["member", "member", None]
    geo = ds.timeline("CIS", countries=["GEO"]).iloc[-1]
    assert (geo["event"], geo["announced"]) == ("withdrew", "2008-08-18")
    # Ukraine recalled its representatives on 19 May 2018 without denouncing the Agreement:
    # frozen, still counted (AzVision; Regnum; CIA World Factbook).
    days = ["2018-05-18", "2018-05-19", TODAY]
    assert statuses(ds, "CIS", "UKR", days) == ["member", "frozen", "frozen"]
    assert "UKR" in members(ds, "CIS", TODAY)
    # Turkmenistan became an associate at the Kazan summit, 26 August 2005 (RFE/RL).
    assert statuses(ds, "CIS", "TKM", ["2005-08-25", "2005-08-26"]) == ["member", "associate"]


def _day_before(day: str) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()


def test_european_patent_organisation_montenegro_2022(ds: Dataset) -> None:
    # EPO member-states page and its Montenegro news of 27 July 2022: member from 1 October 2022.
    assert "MNE" not in set(ds.members("EPOrg", on="2022-09-30")["country"])
    assert "MNE" in set(ds.members("EPOrg", on="2022-10-01")["country"])
    assert len(ds.members("EPOrg", on="2026-11-26")) == 39


def test_partial_data_files_load_beside_the_bundled_data() -> None:
    from pathlib import Path

    import alliances

    partial = sorted((Path(__file__).resolve().parent.parent / "data" / "partial").glob("*.yaml"))
    assert [p.name for p in partial] == ["eurocontrol.yaml", "icc.yaml", "who.yaml"]
    ds = alliances.load(partial)
    for org in ("Eurocontrol", "ICC", "WHO"):
        assert ds.store.organisations[org].gaps  # each says what it lacks
    # The WHO's known members already answer the hard cases: the United States' withdrawal took
    # effect on 22 January 2026, Argentina's on 17 March 2026.
    assert "USA" in members(ds, "WHO", "2026-01-21")
    assert "USA" not in members(ds, "WHO", "2026-01-22")
    assert "ARG" not in members(ds, "WHO", "2026-03-17")
    # The ICC: withdrawals take effect a year after the notice (Burundi 2017-10-27, the
    # Philippines 2019-03-17, Hungary 2026-06-02); Ukraine from 1 January 2025.
    assert statuses(ds, "ICC", "BDI", ["2017-10-26", "2017-10-27"]) == ["member", None]
    assert statuses(ds, "ICC", "PHL", ["2019-03-16", "2019-03-17"]) == ["member", None]
    assert statuses(ds, "ICC", "HUN", ["2002-07-01", "2026-06-01", "2026-06-02"]) == [
        "member", "member", None]
    assert statuses(ds, "ICC", "UKR", ["2024-12-31", "2025-01-01"]) == [None, "member"]


def test_unesco_member_counts_match_the_un_yearbooks(ds: Dataset) -> None:
    # The UN Yearbook gives 130 members at the end of 1972 and 158 through 1987; we lack only the
    # two seats listed in the UNESCO gaps (South Yemen; the State of Vietnam before 1976).
    assert len(ds.members("UNESCO", on="1973-01-01")) == 130 - 2
    assert len(ds.members("UNESCO", on="1988-01-01")) == 158 - 1
    # 194 today; Nicaragua's and the United States' withdrawals take effect at the end of 2026.
    assert len(ds.members("UNESCO", on="2026-11-26")) == 194
    assert len(ds.members("UNESCO", on="2027-01-01")) == 192


def test_unesco_hard_cases(ds: Dataset) -> None:
    def has(code: str, on: str) -> bool:
        return code in set(ds.members("UNESCO", on=on)["country"])

    # The China seat passed on the Executive Board's vote of 29 October 1971.
    assert has("TWN", "1971-10-28") and not has("CHN", "1971-10-28")
    assert has("CHN", "1971-10-29") and not has("TWN", "1971-10-29")
    # The GDR from its admission on 24 November 1972 to its end on 3 October 1990.
    assert not has("DDR", "1972-11-23") and has("DDR", "1972-11-24")
    assert has("DDR", "1990-10-02") and not has("DDR", "1990-10-03")
    # Cambodia and Laos joined in 1951, before full independence (coding rule 5).
    assert has("KHM", "1951-07-03") and not has("LAO", "1951-07-08") and has("LAO", "1951-07-09")
    # The United Kingdom's absence, 1986-1997.
    assert not has("GBR", "1990-01-01") and has("GBR", "1997-07-01")
    # Nicaragua notified its withdrawal on 4 May 2025; it takes effect after 31 December 2026.
    assert has("NIC", "2026-12-31") and not has("NIC", "2027-01-01")


def test_imf_members_and_its_known_gaps(ds: Dataset) -> None:
    def has(code: str, on: str) -> bool:
        return code in set(ds.members("IMF", on=on)["country"])

    # 191 members today; the seven in the IMF's `gaps` note have no event yet.
    gaps = ds.store.organisations["IMF"].gaps
    missing = ["BHR", "CPV", "MYS", "NLD", "OMN", "QAT", "ZWE"]
    assert len(ds.members("IMF", on="2026-11-26")) == 191 - len(missing)
    assert all(not has(code, "2026-11-26") for code in missing)
    assert "Netherlands" in gaps and "Zimbabwe" in gaps
    # Cuba's withdrawal took effect on the day it was notified, 2 April 1964.
    assert has("CUB", "1964-04-01") and not has("CUB", "1964-04-02")
    # Czechoslovakia ceased to be a member on 31 December 1954 and was readmitted in 1990.
    assert has("CSK", "1954-12-30") and not has("CSK", "1955-01-01")
    assert has("CSK", "1990-09-20") and not has("CSK", "1993-01-01")
    # Poland's return on 12 June 1986.
    assert not has("POL", "1986-06-11") and has("POL", "1986-06-12")
    # Libya signed the Articles on 17 September 1958 (Summary Proceedings 1958); Russia joined
    # anew on 1 June 1992 (the USSR was never a member).
    assert not has("LBY", "1958-09-16") and has("LBY", "1958-09-17")
    assert not has("RUS", "1992-05-31") and has("RUS", "1992-06-01")


def test_g20_members_from_the_berlin_meeting(ds: Dataset) -> None:
    # Nineteen states from the first meeting, 15 December 1999 (the EU takes part, not coded).
    assert len(ds.members("G20", on="1999-12-14")) == 0
    members = set(ds.members("G20", on="1999-12-15")["country"])
    assert len(members) == 19 and {"IDN", "SAU", "TUR", "ARG"} <= members
    assert set(ds.members("G20", on="2026-11-26")["country"]) == members


def test_eac_members_from_their_deposit(ds: Dataset) -> None:
    def has(code: str, on: str) -> bool:
        return code in set(ds.members("EAC", on=on)["country"])

    # The DR Congo was admitted on 2022-03-29 but became a partner state on depositing its
    # instrument of ratification, 2022-07-11; Somalia on 2024-03-04.
    assert not has("COD", "2022-07-10") and has("COD", "2022-07-11")
    assert not has("SOM", "2024-03-03") and has("SOM", "2024-03-04")
    assert len(ds.members("EAC", on="2026-11-26")) == 8


def test_caricom_members_before_independence_and_haiti(ds: Dataset) -> None:
    def has(code: str, on: str) -> bool:
        return code in set(ds.members("CARICOM", on=on)["country"])

    # Saint Lucia and Belize joined in 1974 as territories (coding rule 5).
    assert not has("LCA", "1974-04-30") and has("LCA", "1974-05-01") and has("BLZ", "1975-01-01")
    assert not has("BHS", "1983-07-03") and has("BHS", "1983-07-04")
    assert has("HTI", "2002-07-02")
    assert len(ds.members("CARICOM", on="2026-11-26")) == 15
    assert set(ds.members("CARICOM", on="2026-11-26", status="associate")["country"]) == {
        "AIA", "BMU", "CYM", "TCA", "VGB"}


def test_arctic_council_members_and_observers(ds: Dataset) -> None:
    assert len(ds.members("ArcticCouncil", on="2026-11-26")) == 8
    observers = set(ds.members("ArcticCouncil", on="2013-05-15", status="observer")["country"])
    assert {"CHN", "IND", "ITA", "JPN", "KOR", "SGP"} <= observers
    before = ds.members("ArcticCouncil", on="2013-05-14", status="observer")
    assert "CHN" not in set(before["country"])


def test_apec_economies_from_the_meetings_that_admitted_them(ds: Dataset) -> None:
    today = members(ds, "APEC", "2026-11-26")
    assert len(today) == 21 and {"HKG", "TWN"} <= today
    # Peru, Russia and Viet Nam from the first day of the Kuala Lumpur meeting, 14 November 1998.
    assert "RUS" not in set(ds.members("APEC", on="1998-11-13")["country"])
    assert "RUS" in set(ds.members("APEC", on="1998-11-14")["country"])
    # Mexico and Papua New Guinea were admitted on Thursday 18 November 1993 (Seattle); Chile
    # from the first day of the Jakarta ministerial meeting, 11 November 1994.
    assert "MEX" not in members(ds, "APEC", "1993-11-17")
    assert not uncertain(ds, "APEC", "MEX", "1993-11-18")
    assert "CHL" not in members(ds, "APEC", "1994-11-10")
    assert "CHL" in members(ds, "APEC", "1994-11-11")


def test_eco_expansion_of_1992(ds: Dataset) -> None:
    assert len(ds.members("ECO", on="1992-11-27")) == 3
    assert len(ds.members("ECO", on="1992-11-28")) == 10


def test_arab_maghreb_union_five_from_marrakesh(ds: Dataset) -> None:
    assert len(ds.members("AMU", on="1989-02-16")) == 0
    assert set(ds.members("AMU", on="2026-11-26")["country"]) == {"DZA", "LBY", "MAR", "MRT", "TUN"}


def test_celac_brazil_froze_and_resumed(ds: Dataset) -> None:
    assert len(members(ds, "CELAC", "2011-12-02")) == 0
    assert len(members(ds, "CELAC", "2011-12-03")) == 33
    # Brazil froze its own participation on 15 January 2020 and came back on 5 January 2023:
    # still a member by default, flagged frozen, and a full member again after.
    assert "BRA" in members(ds, "CELAC", "2021-06-01")
    assert statuses(ds, "CELAC", "BRA", ["2021-06-01", "2023-01-05"]) == ["frozen", "member"]


def test_cplp_timor_leste_equatorial_guinea_and_guinea_bissau(ds: Dataset) -> None:
    def codes(on: str) -> set[str]:
        return members(ds, "CPLP", on)

    assert len(codes("1996-07-17")) == 7
    assert "TLS" not in codes("2002-07-30") and "TLS" in codes("2002-07-31")
    assert "GNQ" not in codes("2014-07-22") and "GNQ" in codes("2014-07-23")
    # Guinea-Bissau suspended by the extraordinary Conference of 16 December 2025.
    assert "GNB" in codes("2025-12-15") and "GNB" not in codes("2025-12-16")
    assert members(ds, "CPLP", "2026-11-26", status="suspended") == {"GNB"}


def test_d8_azerbaijan_from_its_ratification(ds: Dataset) -> None:
    # Admitted by the Cairo summit of 19 December 2024 (announced), a member from its deposit.
    assert "AZE" not in members(ds, "D8", "2025-03-18")
    assert "AZE" in members(ds, "D8", "2025-03-19")
    assert len(members(ds, "D8", "2026-11-26")) == 9


def test_african_communities(ds: Dataset) -> None:
    def codes(org: str, on: str) -> set[str]:
        return members(ds, org, on)

    # UEMOA: seven founders from 1 August 1994, Guinea-Bissau from 2 May 1997; Mali suspended
    # from the Union's organs from 9 January 2022 to 8 July 2023.
    assert len(codes("UEMOA", "1994-08-01")) == 7 and "GNB" in codes("UEMOA", "1997-05-02")
    assert "MLI" not in codes("UEMOA", "2023-01-01") and "MLI" in codes("UEMOA", "2023-07-08")
    assert codes("CEMAC", "1999-06-25") == {"CMR", "CAF", "COG", "GAB", "GNQ", "TCD"}
    # ECCAS: ten founders from the treaty's entry into force, 18 December 1984; Rwanda left on
    # 5 June 2007 and came back on 25 May 2015.
    assert len(codes("ECCAS", "1984-12-17")) == 0 and len(codes("ECCAS", "1984-12-18")) == 10
    assert "RWA" not in codes("ECCAS", "2010-01-01") and "RWA" in codes("ECCAS", "2015-05-25")
    # ECCAS: Gabon suspended after the coup (4 September 2023 to 9 March 2024); Rwanda's
    # second exit, 7 June 2025.
    assert "GAB" not in codes("ECCAS", "2023-12-01") and "GAB" in codes("ECCAS", "2024-03-09")
    assert "RWA" in codes("ECCAS", "2025-06-06") and "RWA" not in codes("ECCAS", "2025-06-07")
    # IGAD: Eritrea froze its membership (2007-2023) and has notified its withdrawal
    # (12 December 2025, not yet in effect); South Sudan from 25 November 2011.
    assert status(ds, "IGAD", "ERI", "2010-01-01") == "frozen"
    assert "ERI" in codes("IGAD", "2026-11-26")
    assert "SSD" not in codes("IGAD", "2011-11-24") and "SSD" in codes("IGAD", "2011-11-25")


def test_union_for_the_mediterranean(ds: Dataset) -> None:
    def codes(on: str) -> set[str]:
        return members(ds, "UfM", on)

    # 43 states from the Paris summit of 13 July 2008 (the EU itself takes part, not coded).
    assert len(codes("2008-07-12")) == 0 and len(codes("2008-07-13")) == 43
    # Syria suspended its own participation on 1 December 2011: frozen, still counted.
    assert "SYR" in codes("2015-01-01") and status(ds, "UfM", "SYR", "2015-01-01") == "frozen"
    assert "MKD" not in codes("2022-11-23") and "MKD" in codes("2022-11-24")
    assert "GBR" in codes("2019-12-31") and "GBR" not in codes("2021-01-01")


def test_latin_american_caribbean_and_bay_of_bengal_groups(ds: Dataset) -> None:
    def codes(org: str, on: str) -> set[str]:
        return members(ds, org, on)

    # ALADI: eleven from the treaty's entry into force; Cuba from its adhesion's effect, a
    # candidate from the Council's acceptance of 6 November 1998.
    assert len(codes("ALADI", "1981-03-18")) == 11
    assert members(ds, "ALADI", "1999-01-01", status="candidate") == {"CUB"}
    assert "CUB" not in codes("ALADI", "1999-08-25") and "CUB" in codes("ALADI", "1999-08-26")
    assert codes("PacificAlliance", "2026-11-26") == {"CHL", "COL", "MEX", "PER"}
    # OECS: Montserrat is a full member though not a state; Martinique an associate.
    assert "MSR" in codes("OECS", "1981-06-18")
    assert {"VGB", "MTQ", "GLP"} <= members(ds, "OECS", "2026-11-26", status="associate")
    # BIMSTEC: Myanmar from 22 December 1997; Nepal and Bhutan from the Phuket meeting.
    assert "MMR" not in codes("BIMSTEC", "1997-12-21") and "MMR" in codes("BIMSTEC", "1997-12-22")
    assert {"NPL", "BTN"} <= codes("BIMSTEC", "2004-02-08")


def test_decisions_of_meetings_dated_to_their_closing_day(ds: Dataset) -> None:
    # Coding rule 3: the New Hebrides, admitted as an observer at the Honiara Forum of 9-10 July
    # 1979, from the communiqué's day; the four European observers of the Arctic Council from the
    # Iqaluit ministerial's last day (17-18 September 1998); Kazakhstan from the Conakry
    # conference's (9-12 December 1995). A one-day meeting needs no rule: Guyana, 1 October 1998.
    def observers(org: str, on: str) -> set[str]:
        return members(ds, org, on, status="observer")

    assert "VUT" not in observers("PIF", "1979-07-09") and "VUT" in observers("PIF", "1979-07-10")
    arctic = {"DEU", "NLD", "POL", "GBR"}
    assert not arctic & observers("ArcticCouncil", "1998-09-17")
    assert arctic <= observers("ArcticCouncil", "1998-09-18")
    assert "KAZ" not in members(ds, "OIC", "1995-12-11")
    assert "KAZ" in members(ds, "OIC", "1995-12-12")
    assert "GUY" in members(ds, "OIC", "1998-10-01")


def test_un_security_council(ds: Dataset) -> None:
    # Permanent members from the Charter's entry into force; the China seat passes from the
    # Republic of China to the PRC with GA resolution 2758 (1971-10-25), the Soviet Union's to
    # Russia with Yeltsin's letter (1991-12-24).
    permanent = {"FRA", "GBR", "USA"}
    assert members(ds, "UNSC", "1945-10-24") == permanent | {"SUN", "TWN"}
    assert {"TWN"} <= members(ds, "UNSC", "1971-10-24")
    assert "CHN" in members(ds, "UNSC", "1971-10-25") and "TWN" not in members(ds, "UNSC",
                                                                              "1971-10-25")
    assert "SUN" in members(ds, "UNSC", "1991-12-23") and "RUS" in members(ds, "UNSC",
                                                                          "1991-12-24")
    # Elected terms run from 1 January to 31 December (rules of procedure, rule 139): eleven
    # seats before the 1966 enlargement, fifteen after.
    assert len(members(ds, "UNSC", "1965-12-31")) == 11
    assert len(members(ds, "UNSC", "1966-01-01")) == 15
    # 1980: Mexico, elected on 7 January after the Cuba-Colombia deadlock, from that day.
    assert len(members(ds, "UNSC", "1980-01-06")) == 14
    assert "MEX" in members(ds, "UNSC", "1980-01-07")
    # The 2017-2018 seat split between Italy and the Netherlands, one year each.
    assert statuses(ds, "UNSC", "ITA", ["2017-01-01", "2018-01-01"]) == ["member", None]
    assert statuses(ds, "UNSC", "NLD", ["2017-12-31", "2018-01-01", "2019-01-01"]) == [
        None, "member", None]
    # Today: the five and the elected members of 2025-2026 and 2026-2027; the terms ending on
    # 31 December 2026 and those elected in June 2026 for 2027-2028 are scheduled.
    today = members(ds, "UNSC", TODAY)
    assert len(today) == 15 and {"DNK", "GRC", "PAK", "PAN", "SOM"} <= today
    assert {"BHR", "COL", "COD", "LVA", "LBR"} <= today
    assert not {"DNK", "GRC", "PAK", "PAN", "SOM"} & members(ds, "UNSC", "2027-01-01")


def test_fourth_session_upgrades(ds: Dataset) -> None:
    # The CPLP: Guinea-Bissau back at the one-day Dili Conference of 23 July 2014 (rule 3;
    # the Timor-Leste government, the Declaração de Díli).
    assert statuses(ds, "CPLP", "GNB", ["2014-07-22", "2014-07-23"]) == ["suspended", "member"]
    # The UfM: Syria resumes with the senior officials' meeting of 8 July 2025 (UfM Secretariat).
    assert statuses(ds, "UfM", "SYR", ["2025-07-07", "2025-07-08"]) == ["frozen", "member"]


def test_un_human_rights_council(ds: Dataset) -> None:
    # 47 seats; the first members sat from the inaugural session of 19 June 2006.
    assert not members(ds, "UNHRC", "2006-06-18")
    assert len(members(ds, "UNHRC", "2006-06-19")) == 47
    assert len(members(ds, "UNHRC", "2024-07-01")) == 47
    # Calendar-year terms from 2013 (GA resolution 65/281): the United States, re-elected for
    # 2013-2015, stays a member across the new year (a milestone, not an exit).
    assert statuses(ds, "UNHRC", "USA", ["2012-12-31", "2013-01-01"]) == ["member", "member"]
    # The United States left its seat on 19 June 2018; Iceland took it on 13 July 2018.
    assert statuses(ds, "UNHRC", "USA", ["2018-06-18", "2018-06-19"]) == ["member", None]
    assert len(members(ds, "UNHRC", "2018-07-01")) == 46
    assert "ISL" in members(ds, "UNHRC", "2018-07-13")
    # Libya suspended by the General Assembly from 1 March to 18 November 2011.
    assert statuses(ds, "UNHRC", "LBY", ["2011-02-28", "2011-03-01", "2011-11-18"]) == [
        "member", "suspended", "member"]
    # Russia suspended on 7 April 2022 and left the same day; Czechia elected on 10 May 2022.
    assert statuses(ds, "UNHRC", "RUS", ["2022-04-06", "2022-04-07"]) == ["member", None]
    assert "CZE" in members(ds, "UNHRC", "2022-05-10")
