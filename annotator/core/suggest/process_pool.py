"""Parse articles and run the suggesters, in this process or in a pool of worker processes.

Workers return plain suggestions, not Docs, and ignore Ctrl+C: an interrupt reaches only the
calling process, which terminates the pool. (``nlp.pipe(n_process=...)`` can hang when its
caller stops early: each forked worker keeps the others' result pipes open.)
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from multiprocessing.pool import AsyncResult

from annotator.core.batching import batched
from annotator.core.suggest.component import suggestions_of
from annotator.core.suggest.memory import Memory, merge
from annotator.core.suggest.pipeline import SuggestPipeline, pipeline_named
from annotator.core.suggest.suggestion import Suggestion

Found = tuple[int, list[Suggestion]]
_worker: tuple[SuggestPipeline, Memory | None] | None = None
_parent: SuggestPipeline | None = None  # inherited by forked workers, so they need not reload


def found_in(
    pipeline: SuggestPipeline, memory: Memory | None, items: Iterable[tuple[str, int]], batch_size: int
) -> Iterator[Found]:
    """(article id, suggestions) for ``(text, article id)`` items, in this process."""
    for doc, article_id in pipeline.nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        found = suggestions_of(doc)
        model_first = pipeline.suggester.trained_model
        yield article_id, merge(found, memory.find(doc), model_first) if memory else found


def suggest_stream(
    pipeline: SuggestPipeline,
    items: Iterable[tuple[str, int]],
    strings: dict[str, str],
    batch_size: int = 64,
    n_process: int = 1,
) -> Generator[Found, None, None]:
    """Suggestions for each item in order; ``strings`` is the annotation memory (may be empty)."""
    if n_process <= 1:
        memory = Memory(pipeline.nlp, strings) if strings else None
        yield from found_in(pipeline, memory, items, batch_size)
        return
    global _parent
    _parent = pipeline
    reported = pipeline.suggester.reported_speech
    with multiprocessing.get_context().Pool(
        n_process, initializer=_start, initargs=(pipeline.model_name, reported, strings)
    ) as pool:
        pending: deque[AsyncResult[list[Found]]] = (
            deque()
        )  # a bounded window keeps the order and the memory use small
        for batch in batched(items, batch_size):
            pending.append(pool.apply_async(_work, (batch,)))
            if len(pending) >= 2 * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _start(model_name: str, reported_speech: bool, strings: dict[str, str]) -> None:
    """Worker set-up: ignore Ctrl+C, take (or load) the pipeline, build the memory."""
    global _worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    pipeline = _parent if _parent is not None else pipeline_named(model_name)
    pipeline.suggester.reported_speech = reported_speech
    _worker = (pipeline, Memory(pipeline.nlp, strings) if strings else None)


def _work(batch: list[tuple[str, int]]) -> list[Found]:
    assert _worker is not None, "_start runs in every worker first"
    pipeline, memory = _worker
    return list(found_in(pipeline, memory, batch, len(batch)))
