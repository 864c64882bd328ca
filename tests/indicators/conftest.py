"""Fixtures for the performance tests: a board with a few indicators and areas of its own."""

from __future__ import annotations

import pytest


@pytest.fixture
def board(empty_board):
    """An empty board with this authority, England and the neighbours' average, and the catalogue."""
    from sgdesk.indicators.areas import add_area
    from sgdesk.indicators.catalogue import install_catalogue

    with empty_board.edit("Set up performance") as ed:
        add_area(ed, empty_board, 1, "Southend-on-Sea", "own", code="E06000033")
        add_area(ed, empty_board, 1, "East of England", "region")
        add_area(ed, empty_board, 1, "Medway", "neighbour")
        install_catalogue(ed, empty_board, 1)
    empty_board.editor.forget_history()
    return empty_board
