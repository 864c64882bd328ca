"""Word and Excel files made from report tables, and the generic export of any report.

:mod:`sgdesk.office.excel` writes one sheet per :class:`~sgdesk.reporting.ReportTable`;
:mod:`sgdesk.office.word` writes real Word tables; :mod:`sgdesk.office.exports` turns a
:class:`~sgdesk.reporting.Report` into an export offering PDF, Word, Excel and CSV. The
libraries behind them (openpyxl, python-docx, reportlab) load only when a file is written.
"""
