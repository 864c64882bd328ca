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


def test_what_a_processs_start_made_and_still_holds_is_not_scanned_again_by_the_next_young_collection():
    with collector_paused(made_is_old=True):
        held = [_Node() for _ in range(20_000)]
    young = {id(obj) for obj in gc.get_objects(generation=0)}
    assert not any(id(node) in young for node in held)
    assert id(held[0]) in {id(obj) for obj in gc.get_objects(generation=2)}


def test_cycles_a_processs_start_let_go_are_still_freed_by_a_full_collection():
    with collector_paused(made_is_old=True):
        gone = weakref.ref(_Node())
    assert gone() is not None   # a cycle waits for the collector
    gc.collect()
    assert gone() is None


def test_cycles_other_work_let_go_are_freed_by_the_next_young_collection():
    # an export made again and again in the app: its garbage never waits for a full collection
    with collector_paused():
        gone = weakref.ref(_Node())
    gc.collect(0)
    assert gone() is None
