"""The stress board's money: one board's contributions, ledger and budget for one financial year."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from sgdesk.demo.large_data import CONTRIBUTIONS, DISTRICTS, FINANCE, SPENDING
from sgdesk.demo.large_rows import StressBoard, day_between
from sgdesk.finance.accounts import CARRIED_FORWARD
from sgdesk.finance.allocation import allocate
from sgdesk.finance.budgets import budget_values
from sgdesk.finance.contributions import Contribution, calculate, contribution_values
from sgdesk.finance.ledger import entry_values
from sgdesk.fyear import FinancialYear


class BoardYear:
    """One board's money in one financial year: contributions, ledger entries and the budget."""

    def __init__(self, gen: StressBoard, index: int, board_id: int, year: FinancialYear,
                 categories: dict[tuple[str, str], int], core: int, ring_fenced: int | None) -> None:
        self.gen, self.rng, self.index, self.board_id, self.year = gen, gen.rng, index, board_id, year
        self.categories, self.core, self.ring_fenced = categories, core, ring_fenced
        self.fraction = gen.year_fraction(year)
        self.last_day = min(year.end, gen.today)
        growth = 1.025 ** (year.start_year - gen.years[0].start_year)
        self.requirement = 100 * round(FINANCE[index][0] * growth)
        self.lines: list[dict[str, Any]] = []     # ledger entry values, before positions

    def _entry(self, section: str, category: str, description: str, amount: int, day: dt.date | None, *,
               party: str | None = None, fund: int | None = None, in_kind: bool = False,
               carried_from: int | None = None) -> None:
        values = entry_values(year=self.year, section=section, category_id=self.categories[(section, category)],
                              fund_id=fund or self.core, description=description, amount=amount, entry_date=day,
                              party=party, in_kind=in_kind)
        self.lines.append({"board_id": self.board_id, **values, "carried_from": carried_from})

    def _when(self, day: dt.date) -> dt.date | None:
        """``day`` if it has happened, else None (the entry is not written yet)."""
        return day if day <= self.last_day else None

    def contributions(self) -> list[dict[str, Any]]:
        lines = []
        for position, (label, org, basis, value, count, in_kind) in enumerate(CONTRIBUTIONS, start=1):
            share = value + (self.rng.choice((-5_000, 5_000)) if label == "Marshford Police" else 0) \
                if basis == "share" else None
            invoiced = self.year.start + dt.timedelta(days=self.rng.randint(20, 60))
            received = invoiced + dt.timedelta(days=self.rng.randint(14, 70))
            status = "received" if received <= self.gen.today else "invoiced" if invoiced <= self.gen.today \
                else "projected"
            lines.append(Contribution(None, label, basis, share_ppm=share, amount=None if share else 100 * value,
                                      group_count=count, status=status, in_kind=in_kind, position=position,
                                      invoiced_on=invoiced if status != "projected" else None,
                                      received_on=received if status == "received" else None,
                                      organisation_id=self.gen.orgs[org] if org else None))
        police = next(i for i, line in enumerate(lines) if line.label == "Marshford Police")
        county = next(i for i, line in enumerate(lines) if line.label == "Marshford County Council")
        drift = (lines[police].share_ppm or 0) - 200_000     # the county's share takes up the police's change
        lines[county] = replace(lines[county], share_ppm=450_000 - drift)
        allocation = calculate(self.year, self.requirement, "pound", lines)
        if allocation.warnings:
            raise RuntimeError(f"the generated contributions do not add up: {allocation.warnings}")
        for line, amount in zip(lines, allocation.amounts):
            if line.status != "received":
                continue
            if line.basis == "group":
                for district in DISTRICTS[:line.group_count]:
                    self._entry("income", "Partner contributions", f"Contribution: {district}", line.amount or 0,
                                line.received_on, party=district)
            else:
                party = self.gen.bf.scalar("SELECT name FROM organisation WHERE id = ?", (line.organisation_id,))
                self._entry("income", "Partner contributions", f"Contribution: {line.label}" +
                            (" (premises, in kind)" if line.in_kind else ""), amount, line.received_on, party=party,
                            in_kind=line.in_kind)
        return [{"board_id": self.board_id, "year_start": self.year.start_year, "position": line.position,
                 **contribution_values(line)} for line in lines]

    def income(self, carried: int | None) -> None:
        if carried is None:
            self._entry("income", CARRIED_FORWARD, "Opening balance brought forward", 100 * (self.requirement // 2_500),
                        self.year.start)
        else:
            self._entry("income", CARRIED_FORWARD, f"{self.year.previous().label} outturn carried forward", carried,
                        self.year.start, carried_from=self.year.previous().start_year)
        for month in self.year.months():
            day = self._when(month + dt.timedelta(days=27))
            if day is not None:
                self._entry("income", "Training income", f"Training charges invoiced {month:%B %Y}",
                            100 * self.rng.randint(200, 1_800), day, party="Various agencies")
        if self._when(self.year.start + dt.timedelta(days=45)):
            self._entry("income", "Schools/DSG", "Schools Forum contribution (DSG)", 100 * 10_000,
                        self.year.start + dt.timedelta(days=45), party="Marshford Schools Forum")
        if self.ring_fenced is not None and self._when(self.year.start + dt.timedelta(days=60)):
            self._entry("income", "Grants", "Ring-fenced grant", 100 * 12_000, self.year.start + dt.timedelta(days=60),
                        party="Marshford County Council", fund=self.ring_fenced)

    def spending(self, target_entries: int) -> None:
        """Monthly salaries, the ring-fenced fund's costs and everyday spending, about breaking even."""
        posts = FINANCE[self.index][1]
        for month in self.year.months():
            day = self._when(month + dt.timedelta(days=24))
            if day is None:
                continue
            for post, salary in posts:
                self._entry("expenditure", "Salaries", f"Salaries: {post}", round(100 * salary / 12), day)
            if self.ring_fenced is not None:
                category = "Child death review" if self.index == 0 else "Case reviews"
                self._entry("expenditure", category, f"{category}: panel costs", 100 * self.rng.randint(600, 1_200),
                            day, fund=self.ring_fenced)
        income = sum(line["amount_pence"] for line in self.lines if line["section"] == "income" and not line["in_kind"])
        spent = sum(line["amount_pence"] for line in self.lines if line["section"] == "expenditure")
        budget_left = max(0, round(income * self.rng.uniform(0.95, 1.03) * self.fraction) - spent)
        count = min(max(0, target_entries - len(self.lines)), budget_left // 100)   # each at least £1
        names = list(SPENDING)
        picks = self.rng.choices(names, [SPENDING[name][2] ** 0.5 for name in names], k=count)
        raw = [self.rng.uniform(0.3, 1.7) * SPENDING[name][2] for name in picks]
        amounts = allocate(budget_left, [max(1, round(100 * r)) for r in raw], unit=1) if picks else []
        for name, amount in zip(picks, amounts):
            descriptions, parties, _typical = SPENDING[name]
            self._entry("expenditure", name, f"{name}: {self.rng.choice(descriptions)}", amount,
                        day_between(self.rng, self.year.start, self.last_day), party=self.rng.choice(parties))

    def entries(self) -> list[dict[str, Any]]:
        """The year's entries in ledger order (expenditure, then income, each by date)."""
        ordered = sorted(self.lines, key=lambda e: (e["section"] == "income", e["entry_date"] or dt.date.min))
        return [{**entry, "position": position} for position, entry in enumerate(ordered, start=1)]

    def outturn(self) -> int:
        cash = [line for line in self.lines if not line["in_kind"]]
        return sum(e["amount_pence"] if e["section"] == "income" else -e["amount_pence"] for e in cash)

    def budget(self, carried: int | None) -> list[dict[str, Any]]:
        posts = FINANCE[self.index][1]
        planned = [("income", "Partner contributions", "Partner contributions (agreed shares)", self.requirement),
                   ("income", "Training income", "Income from training charges", 100 * 12_000),
                   ("income", "Schools/DSG", "Schools Forum contribution (DSG)", 100 * 10_000)]
        if carried is not None:
            planned.append(("income", CARRIED_FORWARD, "Previous year's outturn (estimate)",
                            100 * round(carried / 100 * 0.9)))
        planned += [("expenditure", "Salaries", post, 100 * salary) for post, salary in posts]
        salaries = sum(100 * salary for _post, salary in posts)
        rest = max(0, sum(p[3] for p in planned if p[0] == "income") - salaries)
        names = list(SPENDING)
        planned += [("expenditure", name, f"{name} (planned)", amount)
                    for name, amount in zip(names, allocate(rest, [SPENDING[n][2] for n in names]))]
        return [{"board_id": self.board_id, "position": position,
                 **budget_values(year=self.year, section=section, category_id=self.categories[(section, category)],
                                 fund_id=self.core, description=description, amount=amount)}
                for position, (section, category, description, amount) in enumerate(planned, start=1)]
