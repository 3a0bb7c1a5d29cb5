"""The portage offer comparator: five offers for one mission, fees by hand, and
every figure equal to what the portage calculator gives for the same inputs.

The mission of the scenario: TJM 600 € × 18 days = 10 800 € a month, that is
129 600 € a year (the degressive schedules apply to the month × 12), in CDI,
no expenses, rules of 1 July 2026.  Per-mission fees are spread over a
12-month mission.

  offer A "Alpha"  8 % flat
      10 800 × 0.08                                  =   864.00 €/month
  offer B          5 % + 90 €/month + 600 € per mission
      10 800 × 0.05 = 540 ; 600 / 12 = 50 ; 540 + 90 + 50 =   680.00 €/month
  offer C          10 % up to 75 000 €/year, 7 % above, by slices
      75 000 × 0.10 + (129 600 − 75 000) × 0.07
      = 7 500 + 3 822 = 11 322 €/year / 12           =   943.50 €/month
  offer D          the same schedule, "global" (the slice reached applies to all)
      129 600 > 75 000: 10 800 × 0.07                =   756.00 €/month
  offer E          12 % capped at 1 000 €/month
      10 800 × 0.12 = 1 296 > 1 000                  = 1 000.00 €/month

Fees per year: A 10 368, B 8 160, C 11 322, D 9 072, E 12 000.
Lowest fees: B; next D, A, C, E.
"""

from __future__ import annotations

import json

import pytest

import calculators
from calculators import render

MISSION = {"tjm": 600, "jours": 18, "date": "2026-07-01"}
OFFRES = {
    "offre_1_nom": "Alpha", "offre_1_frais_gestion": 0.08,
    "offre_2_frais_gestion": 0.05, "offre_2_frais_fixes_mensuels": 90, "offre_2_frais_mission": 600,
    "offre_3_frais_gestion": 0.10, "offre_3_frais_gestion_seuil_1": 75000, "offre_3_frais_gestion_2": 0.07,
    "offre_4_frais_gestion": 0.10, "offre_4_frais_gestion_seuil_1": 75000, "offre_4_frais_gestion_2": 0.07,
    "offre_4_frais_gestion_mode": "global",
    "offre_5_frais_gestion": 0.12, "offre_5_frais_gestion_plafond": 1000,
}
# what the portage calculator receives for each offer, written by hand
PORTAGE = {
    "A": {**MISSION, "frais_gestion": 0.08},
    "B": {**MISSION, "frais_gestion": 0.05, "frais_fixes_mensuels": 140},  # 90 + 600 / 12
    "C": {**MISSION, "frais_gestion": 0.10, "frais_gestion_seuil_1": 75000, "frais_gestion_2": 0.07},
    "D": {**MISSION, "frais_gestion": 0.10, "frais_gestion_seuil_1": 75000, "frais_gestion_2": 0.07,
          "frais_gestion_mode": "global"},
    "E": {**MISSION, "frais_gestion": 0.12, "frais_gestion_plafond": 1000},
}
FRAIS_MOIS = {"A": 864.00, "B": 680.00, "C": 943.50, "D": 756.00, "E": 1000.00}
FRAIS_AN = {"A": 10368.00, "B": 8160.00, "C": 11322.00, "D": 9072.00, "E": 12000.00}


def _ok(raw):
    out = calculators.run("comparateur_offres", raw)
    assert out["ok"], out
    return out["result"]


def _errors(raw):
    out = calculators.run("comparateur_offres", raw)
    assert not out["ok"], out
    return out["errors"]


@pytest.fixture(scope="module")
def result():
    return _ok({**MISSION, **OFFRES})


@pytest.fixture(scope="module")
def portage():
    out = {}
    for code, raw in PORTAGE.items():
        r = calculators.run("portage", raw)
        assert r["ok"], r
        out[code] = r["result"]
    return out


def test_five_offers_in_order_with_their_labels(result):
    assert [o["code"] for o in result["offres"]] == list("ABCDE")
    assert [o["libelle"] for o in result["offres"]] == ["Alpha", "Offre B", "Offre C", "Offre D", "Offre E"]
    assert result["nombre_offres"] == 5
    assert result["chiffre_affaires"] == 10800.00  # 600 × 18


def test_fees_per_month_and_per_year_by_hand(result):
    for o in result["offres"]:
        assert o["montant_frais_gestion"] == FRAIS_MOIS[o["code"]], o["code"]
        assert o["frais_gestion_annuels"] == FRAIS_AN[o["code"]], o["code"]
    assert result["offres"][1]["frais_mission_mensuels"] == 50.00  # 600 / 12


def test_each_offer_equals_the_portage_calculator_for_the_same_inputs(result, portage):
    for o in result["offres"]:
        p = portage[o["code"]]
        for key in ("montant_frais_gestion", "net_avant_impot", "net_apres_impot", "reserve_financiere",
                    "reserve_nette", "taux_restitution", "salaire_brut", "cout_employeur"):
            assert o[key] == p[key], (o["code"], key)
        assert o["frais_gestion_annuels"] == p["annuel"]["montant_frais_gestion"]
        # total received in a year: (net + réserve nette + expenses) × 12
        assert o["total_percu_annuel"] == round(12 * (p["net_avant_impot"] + p["reserve_nette"]), 2)


def test_the_inputs_given_to_portage_are_the_hand_written_ones(result):
    for o in result["offres"]:
        given = {k: v for k, v in o["entrees_portage"].items() if k not in ("contrat", "frais_professionnels")}
        assert given == PORTAGE[o["code"]], o["code"]


def test_marks_follow_the_fees_without_ranking(result):
    # B has the lowest fees; with the same mission, the lowest fees leave the largest
    # budget, hence the highest net, réserve and restitution rate.
    marks = result["plus_favorable"]
    for row in ("montant_frais_gestion", "frais_gestion_annuels", "net_avant_impot", "net_apres_impot",
                "reserve_nette", "taux_restitution", "total_percu_annuel"):
        assert marks[row] == ["B"], row
    nets = {o["code"]: o["net_avant_impot"] for o in result["offres"]}
    # the order of the nets is the reverse order of the fees (B, D, A, C, E)
    assert sorted(nets, key=nets.get, reverse=True) == ["B", "D", "A", "C", "E"]
    ecart = next(c for c in result["chiffres_cles"] if c["code"] == "ecart_net_avant_impot")
    assert ecart["valeur"] == round(nets["B"] - nets["E"], 2)
    assert result["annuel"]["ecart_net_avant_impot"] == round(12 * ecart["valeur"], 2)


def test_identical_offers_are_all_marked_and_a_tie_everywhere_marks_nothing():
    two = _ok({**MISSION, "offre_1_frais_gestion": 0.07, "offre_2_frais_gestion": 0.07,
               "offre_3_frais_gestion": 0.09})
    assert two["plus_favorable"]["net_avant_impot"] == ["A", "B"]
    assert two["plus_favorable"]["montant_frais_gestion"] == ["A", "B"]
    same = _ok({**MISSION, "offre_1_frais_gestion": 0.07, "offre_2_frais_gestion": 0.07})
    assert all(v == [] for v in same["plus_favorable"].values())
    assert same["ecart_net_avant_impot"] == 0


def test_fee_descriptions_in_french(result):
    desc = {o["code"]: (o["frais_gestion_description"], o["frais_fixes_description"]) for o in result["offres"]}
    # French typography (core/format.py): a no-break space before « % » and « € »
    assert desc["A"] == ("8\u00a0%", "aucun")
    assert desc["B"][1] == "90\u00a0€ par mois + 600\u00a0€ par mission (50\u00a0€ par mois sur 12 mois)"
    assert desc["C"][0] == "10\u00a0% jusqu'à 75\u202f000\u00a0€ par an, puis 7\u00a0% au-delà (par tranches)"
    assert desc["D"][0].endswith("(taux atteint sur tout le chiffre d'affaires)")
    assert desc["E"][0] == "12\u00a0%, plafonnés à 1\u202f000\u00a0€ par mois"


def test_two_offers_are_enough_and_blank_offers_are_left_out():
    r = _ok({**MISSION, "offre_1_frais_gestion": 0.08, "offre_2_frais_gestion": 0.06,
             "offre_3_frais_gestion": "", "offre_5_frais_gestion": 0.04})
    assert [o["code"] for o in r["offres"]] == ["A", "B", "E"]


def test_errors_in_french_on_the_field_at_fault():
    e = _errors({**MISSION, "offre_1_frais_gestion": 0.08})
    assert e == {"offre_2_frais_gestion": "Indiquez les frais de gestion de l'offre B (0 pour une offre sans "
                                           "pourcentage) : il faut au moins deux offres."}
    # an offer started but without its rate
    e = _errors({**MISSION, "offre_1_frais_gestion": 0.08, "offre_2_frais_gestion": 0.05, "offre_3_nom": "Gamma"})
    assert list(e) == ["offre_3_frais_gestion"]
    # a schedule without its second rate: portage's own rule, on the offer's field
    e = _errors({**MISSION, "offre_1_frais_gestion": 0.08, "offre_2_frais_gestion": 0.05,
                 "offre_2_frais_gestion_seuil_1": 75000})
    assert e == {"offre_2_frais_gestion_2": "Un barème dégressif demande à la fois le seuil de la 1re tranche "
                                            "et le 2e taux."}
    # fees eating the whole turnover in one offer only: that offer's rate, named
    e = _errors({**MISSION, "offre_1_frais_gestion": 0.08, "offre_2_frais_gestion": 1})
    assert list(e) == ["offre_2_frais_gestion"] and e["offre_2_frais_gestion"].startswith("Offre B : ")
    # no turnover at all: the common field, once
    e = _errors({**MISSION, "jours": 0, "offre_1_frais_gestion": 0.08, "offre_2_frais_gestion": 0.05})
    assert list(e) == ["jours"] and "chiffre d'affaires" in e["jours"]
    e = _errors({**MISSION, "offre_1_frais_gestion": "huit", "offre_2_frais_gestion": 0.05, "offre_9_nom": "x"})
    assert e == {"offre_9_nom": "Champ inconnu : « offre_9_nom »."} | {"offre_1_frais_gestion": "Saisissez un nombre."}


def test_names_are_text_on_one_line_of_limited_length():
    r = _ok({**MISSION, "offre_1_nom": "  Portage\n  <Alpha> & co ", "offre_1_frais_gestion": 0.08,
             "offre_2_frais_gestion": 0.05})
    assert r["offres"][0]["libelle"] == "Portage <Alpha> & co"
    assert _errors({**MISSION, "offre_1_nom": "x" * 41, "offre_1_frais_gestion": 0.08,
                    "offre_2_frais_gestion": 0.05}) == {"offre_1_nom": "Le texte doit tenir en 40 caractères au plus."}
    assert _errors({**MISSION, "offre_1_nom": 12, "offre_1_frais_gestion": 0.08,
                    "offre_2_frais_gestion": 0.05}) == {"offre_1_nom": "Saisissez un texte."}
    assert list(_errors({**MISSION, "offre_1_nom": "a\u0000b", "offre_1_frais_gestion": 0.08,
                         "offre_2_frais_gestion": 0.05})) == ["offre_1_nom"]
    schema = calculators.json_schema("comparateur_offres")["properties"]["offre_1_nom"]
    assert schema["anyOf"][0] == {"type": "string", "maxLength": 40}


def test_cdd_compares_the_end_of_contract_indemnity():
    r = _ok({**MISSION, "contrat": "cdd", "offre_1_frais_gestion": 0.08, "offre_2_frais_gestion": 0.05})
    p = calculators.run("portage", {**MISSION, "contrat": "cdd", "frais_gestion": 0.05})["result"]
    assert r["offres"][1]["reserve_nette"] == p["reserve_nette"]
    row = next(x for x in r["comparaison_offres"] if x["code"] == "reserve_nette")
    assert row["libelle"].startswith("Indemnité de fin de contrat")


def test_portage_alert_kept_once_or_per_offer():
    # 150 €/day for 10 days is below the junior minimum whatever the fees (portage's own
    # alert, which quotes each offer's gross: one per offer, named); in a CDD the
    # information on the CDD is the same for every offer: once, unnamed
    mission = {"tjm": 150, "jours": 10, "date": "2026-07-01", "contrat": "cdd"}
    r = _ok({**mission, "offre_1_frais_gestion": 0.05, "offre_2_frais_gestion": 0.10})
    a = calculators.run("portage", {**mission, "frais_gestion": 0.05})["result"]["alertes"]
    b = calculators.run("portage", {**mission, "frais_gestion": 0.10})["result"]["alertes"]
    assert r["alertes"] == (
        [{"niveau": x["niveau"], "message": "Offre A : " + x["message"]} for x in a if x not in b]
        + [x for x in a if x in b]
        + [{"niveau": x["niveau"], "message": "Offre B : " + x["message"]} for x in b if x not in a]
    )
    assert len(r["alertes"]) == 3 and r["alertes"][1]["message"].startswith("En CDD")


def test_result_is_json_and_renders_escaped_names(result):
    json.dumps(result)
    r = _ok({**MISSION, "offre_1_nom": "<script>alert(1)</script>", "offre_1_frais_gestion": 0.08,
             "offre_2_frais_gestion": 0.05})
    html = render.render_result("comparateur_offres", r, "calc-t")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_rendered_table_one_column_per_offer_marks_and_checklist(result):
    html = render.render_result("comparateur_offres", result, "calc-t")
    assert html.count('<th scope="col" data-offre=') == 2 * 5  # figures table and checklist
    assert html.count('class="calc-num calc-marque" data-offre="B"') == 7
    assert html.count("calc-marque") == 7
    for c in result["criteres_hors_prix"]:
        assert f'data-code="{c["code"]}"' in html
    assert html.count(">à vérifier</td>") == 5 * len(result["criteres_hors_prix"])
    codes = {c["code"] for c in result["criteres_hors_prix"]}
    assert {"garantie_financiere", "rc_pro", "delai_paiement", "avances", "peps", "compte_activite"} <= codes


def test_form_has_text_inputs_for_names_and_the_first_three_offers_outside_the_disclosure():
    calc = calculators.get("comparateur_offres")
    html = render.render_form("comparateur_offres", calc.FIELDS, {"offre_1_nom": 'A "B"'}, "calc-t")
    assert '<input id="calc-t-offre_1_nom" name="offre_1_nom" type="text" maxlength="40" autocomplete="off" ' \
           'value="A &quot;B&quot;">' in html.replace(' aria-describedby="calc-t-offre_1_nom-aide"', "")
    main, advanced = html.split('<details class="calc-avance">')
    for k in (1, 2, 3):
        assert f'name="offre_{k}_frais_gestion"' in main
    for k in (4, 5):
        assert f'name="offre_{k}_frais_gestion"' in advanced


def test_text_kind_of_the_schema_on_its_own():
    from calculators.core.schema import TEXT_MAX_LENGTH, Field, to_json_schema, validate

    f = Field("nom", "Nom", "text")
    assert validate([f], {"nom": "  a\tb  "}) == ({"nom": "a b"}, {})
    assert validate([f], {"nom": "   "}) == ({"nom": None}, {})  # blank: the default
    assert validate([f], {"nom": "x" * TEXT_MAX_LENGTH})[1] == {}
    assert validate([f], {"nom": "x" * (TEXT_MAX_LENGTH + 1)})[1] == {
        "nom": f"Le texte doit tenir en {TEXT_MAX_LENGTH} caractères au plus."}
    assert validate([f], {"nom": ["a"]})[1] == {"nom": "Saisissez un texte."}
    assert validate([f], {"nom": "a\u200bb"})[1] == {"nom": "Ce texte contient des caractères non imprimables."}
    assert to_json_schema([f])["properties"]["nom"]["anyOf"][0] == {"type": "string", "maxLength": TEXT_MAX_LENGTH}
    with pytest.raises(ValueError):
        Field("nom", "Nom", "text", maximum=2.5)
