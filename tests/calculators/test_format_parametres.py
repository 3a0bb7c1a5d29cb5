"""A dated parameter's value reads as French in the lists of parameters under each result
(« Sources et paramètres utilisés »): « 1,75 », « 35 heures par semaine », « 12 % »,
« 47 100 € », never « 1.75 », a raw unit code (« h/semaine », « €/an/point ») or a value
rounded away (1,4386 € shown « 1 € »).  One case per unit written in calculators/data/*.toml."""

from __future__ import annotations

import datetime as dt

import pytest

from calculators import render
from calculators.core import parametres
from calculators.core.format import unite_connue, valeur_parametre

S = "\u00a0"  # no-break space before a unit
N = "\u202f"  # narrow no-break space between thousands

# unit code of the data files -> (a value, how a French sentence says it)
CAS = {
    "taux": (0.12, f"12{S}%"),
    "fraction": ({"numerateur": 1, "denominateur": 3}, "1/3"),
    "coefficient": (1.75, "1,75"),
    "nombre": (0.5, "0,5"),
    "booléen": (True, "oui"),
    "date": (dt.date(2027, 9, 1), "1er septembre 2027"),
    "texte": ("calendaires", "calendaires"),
    "liste": ([{"code": "a"}], "barème"),
    "barème": ([{"seuil": 1, "taux": 0.1}], "barème"),
    "barème : plafond annuel par part (€/an) et taux marginal": ([{"plafond": 11600, "taux": 0}], "barème"),
    "barème : plafond mensuel du revenu imposable (€/mois) et taux": ([{"plafond": 1635, "taux": 0}], "barème"),
    "décimales": (4, f"4{S}décimales"),
    "€": (47100, f"47{N}100{S}€"),
    "€ HT": (141, f"141{S}€{S}HT"),
    "€ TTC": (35.59, f"35,59{S}€{S}TTC"),  # to the cent, as the tariff says
    "€ HT/an": (1700, f"1{N}700{S}€{S}HT par an"),
    "€ HT/jour": (722, f"722{S}€{S}HT par jour"),
    "€/an": (15000, f"15{N}000{S}€ par an"),
    "€/mois": (4005, f"4{N}005{S}€ par mois"),
    "€/jour": (26.3, f"26,30{S}€ par jour"),
    "€/heure": (12.31, f"12,31{S}€ par heure"),
    "€/part": (29315, f"29{N}315{S}€ par part"),
    "€/point": (20.1877, f"20,1877{S}€ par point"),  # the Agirc-Arrco purchase value, not « 20 € »
    "€/an/point": (1.4386, f"1,4386{S}€ par an et par point"),
    "€/an par demi-part": (1807, f"1{N}807{S}€ par an et par demi-part"),
    "PASS": (1.3, f"1,3{S}PASS"),
    "PSS": (0.115, f"0,115{S}PSS"),
    "PSS annuels": (2, f"2{S}PSS annuels"),
    "PMSS": (1, f"1{S}PMSS"),
    "PMSS/mois": (4, f"4{S}PMSS par mois"),
    "SMIC": (1.4, f"1,4{S}SMIC"),
    "an": (1, f"1{S}an"),
    "ans": (55, f"55{S}ans"),
    "mois": (12, f"12{S}mois"),
    "mois/an": (0.25, f"0,25{S}mois par an"),
    "semaine/an": (52, f"52{S}semaines par an"),
    "semaines/an": (5, f"5{S}semaines par an"),
    "jour": (730, f"730{S}jours"),
    "jours": (7, f"7{S}jours"),
    "jour/an": (218, f"218{S}jours par an"),
    "jours/an": (1, f"1{S}jour par an"),  # singular below two
    "jours/mois": (30, f"30{S}jours par mois"),
    "jours ouvrables/mois": (2.5, f"2,5{S}jours ouvrables par mois"),
    "heure": (150, f"150{S}heures"),
    "heures": (0.5, f"0,5{S}heure"),
    "heure/semaine": (35, f"35{S}heures par semaine"),
    "heures/an": (450, f"450{S}heures par an"),
    "heures/jour": (7, f"7{S}heures par jour"),
    "heures/mois": (1, f"1{S}heure par mois"),
    "trimestre/an": (4, f"4{S}trimestres par an"),
    "trimestres": (150, f"150{S}trimestres"),
    "salariés": (50, f"50{S}salariés"),
}


@pytest.mark.parametrize("unite", sorted(CAS))
def test_each_unit_reads_as_french(unite):
    valeur, attendu = CAS[unite]
    assert valeur_parametre(valeur, unite) == attendu


def test_every_unit_of_the_data_files_has_a_case_and_a_french_reading():
    unites = {p.unite for p in parametres.load_all().values()}
    assert sorted(unites - set(CAS)) == [], "unité sans cas dans ce test (ajoutez-la à CAS)"
    assert sorted(u for u in unites if not unite_connue(u)) == [], "unité que le formateur ne sait pas lire"


def test_no_value_of_the_data_files_reads_with_a_raw_unit_code_or_a_dot():
    bad = []
    for name, par in parametres.load_all().items():
        for entry in par.valeurs:
            text = valeur_parametre(entry.valeur, par.unite)
            if "/" in text.replace("1/3", "") and par.unite != "texte" or "." in text and par.unite != "texte":
                bad.append(f"{name} : {text}")
    assert bad == []


def test_an_unknown_unit_is_shown_as_written_never_an_error():
    assert not unite_connue("furlongs/quinzaine")
    assert valeur_parametre(3, "furlongs/quinzaine") == f"3{S}furlongs/quinzaine"


def test_the_sources_list_under_a_result_uses_the_french_reading():
    html = render._render_sources([
        {"parametre": "smic.duree_legale_hebdomadaire", "libelle": "Durée légale du travail", "valeur": 35,
         "unite": "heure/semaine", "depuis": "2026-01-01", "reference": "Code du travail, art. L3121-27"},
        {"parametre": "protection.retraite.agirc_arrco.valeur_service", "libelle": "Valeur de service du point",
         "valeur": 1.4386, "unite": "€/an/point", "depuis": "2025-11-01", "reference": "Agirc-Arrco"},
    ])
    assert f"Durée légale du travail{N}: 35{S}heures par semaine, depuis le 1er janvier 2026." in html
    assert f"1,4386{S}€ par an et par point" in html
