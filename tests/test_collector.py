"""The cycle collector paused for work that makes many objects, and what that work leaves counted as old."""

import gc
import weakref

from sgdesk.collector import collector_paused


class _Node:
    def __init__(self) -> None:
        self.other = self   # a cycle: only the collector frees it


def test_it_is_paused_in_the_block_and_running_again_after_it():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()   # the inner block leaves it paused for the outer
    assert gc.isenabled()


def test_an_error_in_the_block_still_lets_it_run_again():
    try:
        with collector_paused():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()


def test_what_the_block_made_and_still_holds_is_not_scanned_again_by_the_next_young_collection():
    with collector_paused():
        held = [_Node() for _ in range(20_000)]
    young = {id(obj) for obj in gc.get_objects(generation=0)}
    assert not any(id(node) in young for node in held)
    assert any(id(node) in {id(obj) for obj in gc.get_objects(generation=2)} for node in held[:1])


def test_cycles_the_block_let_go_are_still_freed_by_a_full_collection():
    with collector_paused():
        gone = weakref.ref(_Node())
    assert gone() is not None   # a cycle waits for the collector
    gc.collect()
    assert gone() is None
