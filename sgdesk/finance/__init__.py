"""Finance: funds and categories, the ledger, budgets, partner contributions and Appendix 2.

Money is integer pence throughout (:mod:`sgdesk.money`) and years are
:class:`sgdesk.fyear.FinancialYear`. Amounts are stored plain (income received is positive);
council style, with income printed negative, is a way of printing only.
"""
