"""Sums said without a currency ("billions in military aid", "costing millions"): the report's currency."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from storyline.nlp import figure_words as W
from storyline.nlp.amounts import Amount
from storyline.nlp.currencies import CURRENCY_SYMBOLS, CURRENCY_WORDS, iso_code
from storyline.nlp.units import singular


# What a bare sum is spent on or comes as: "billions in military aid", "$"-less "5 billion in loans".
MONEY_NOUNS = frozenset(
    "aid assistance funding funds loan loans grant grants support investment investments revenue revenues damage "
    "damages spending debt debts subsidies financing reparations sales exports imports profits weapons arms assets "
    "contracts compensation taxes bailout bailouts relief".split())
# Verbs whose object is a sum: "costing billions to sustain", "spent millions on".
MONEY_VERBS = W.inflect("cost", "owe", "raise", "borrow", "pay") | frozenset(
    "spend spends spent spending worth paid".split())


def _converted(doc: Doc, amount: Amount, sent: Span) -> bool:
    """True when a bracket right after the sum gives it in a currency ("1.2 billion ($1.5bn)"): a
    conversion, so the sum itself is in some other currency, not the bracket's."""
    k = amount.end
    if k + 2 >= sent.end or doc[k].text not in ("(", "["):
        return False
    first = doc[k + 1]
    if first.lower_ in CURRENCY_SYMBOLS and not first.is_alpha:
        return doc[k + 2].text[:1].isdigit()  # "($1.762bn)", "(€40m)"
    return False


def money_in_context(doc: Doc, amount: Amount, anchor: Token, sent: Span, earlier: list[str]) -> str | None:
    """The currency of a sum said without one ("billions in military aid", "costing billions"):
    the last currency the report named before it, else the first it names, else ``unknown``; None
    when the amount is no bare sum of a million or more."""
    if amount.currency or amount.percent or amount.unit or max(
            amount.value or 0, amount.high or 0) < 1e6:
        return None
    after = doc[amount.end] if amount.end < sent.end else None
    spent_on = after is not None and after.lower_ == "in" and any(
        t.lower_ in MONEY_NOUNS for t in doc[after.i + 1: min(sent.end, after.i + 5)] if t.head.i == after.i)
    head = anchor.head
    spent = anchor.dep_ in ("dobj", "npadvmod", "attr", "pobj") and head.lower_ in MONEY_VERBS or (
        anchor.dep_ == "pobj" and head.head.lower_ == "worth") or any(
        c.dep_ == "amod" and c.lower_ in MONEY_VERBS for c in anchor.children)  # "costing billions", misparsed
    if not (spent_on or spent):
        return None
    if _converted(doc, amount, sent):
        return "unknown"  # "a net worth of 1.356 billion ($1.762bn)": the sum is in another currency
    if earlier:
        return earlier[-1]
    for token in doc:
        if (code := CURRENCY_SYMBOLS.get(token.lower_)) and not token.is_alpha:
            return code
        if token.is_upper and token.i + 1 < len(doc) and doc[token.i + 1].like_num and (code := iso_code(token.text)):
            return code  # "KES 4 billion"
        if (code := CURRENCY_WORDS.get(singular(token.lower_))) and token.pos_ == "NOUN":
            return code
    return "unknown"
