#!/usr/bin/env python3
"""Peer implementations of the training steps timed by `bench-perf train`.

Each step: forward pass, mean softmax cross-entropy, backward pass, SGD update
w <- w - 0.01 g, in float32 on one thread, on random data cycled over 8 batches:

- mlp_b32, mlp_b256: MLP 64-128-10 with ReLU (digits-shaped data: 64 features, 10 classes).
- lstm_b32: embedding (vocabulary 1000, width 32) -> LSTM (hidden 64) over 32 steps
  -> linear layer on the last hidden state -> 2 classes, batch 32.

Implementations: numpy (hand-written backward pass), JAX with jit (one step per
call), and JAX with 50 steps fused into one jitted call (lax.fori_loop).
Prints one JSON object per line: {"impl": ..., "case": ..., "steps_per_s": ...}.
Set the thread environment before starting (bench-perf does): OMP_NUM_THREADS=1,
OPENBLAS_NUM_THREADS=1, XLA_FLAGS="--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1".
"""
import argparse
import json
import sys
import time

import numpy as np

LR = np.float32(0.01)
VOCAB, EMBED, HIDDEN, STEPS, CLASSES = 1000, 32, 64, 32, 2


def report(impl, case, rate):
    print(json.dumps({"impl": impl, "case": case, "steps_per_s": rate}), flush=True)


def timed(step_fn, seconds, repeats, steps_per_call=1, sync=lambda: None):
    """Best steps/s over `repeats` rounds of about `seconds` each, after a warm-up."""
    for _ in range(20):
        step_fn()
    sync()
    best = 0.0
    for _ in range(repeats):
        start = time.perf_counter()
        n = 0
        while True:
            for _ in range(10):
                step_fn()
            n += 10 * steps_per_call
            sync()
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
        best = max(best, n / elapsed)
    return best


def mlp_params(rng):
    def u(shape, fan_in):
        b = 1 / np.sqrt(fan_in)
        return rng.uniform(-b, b, size=shape).astype(np.float32)
    return [u((64, 128), 64), u((128,), 64), u((128, 10), 128), u((10,), 128)]


def mlp_data(rng, batch):
    xs = rng.uniform(0, 1, size=(8, batch, 64)).astype(np.float32)
    ys = rng.integers(0, 10, size=(8, batch)).astype(np.int32)
    return xs, ys


def lstm_params(rng):
    b = 1 / np.sqrt(HIDDEN)
    def u(shape, bound):
        return rng.uniform(-bound, bound, size=shape).astype(np.float32)
    return [rng.standard_normal((VOCAB, EMBED)).astype(np.float32),
            u((EMBED, 4 * HIDDEN), b), u((HIDDEN, 4 * HIDDEN), b), u((4 * HIDDEN,), b) + u((4 * HIDDEN,), b),
            u((HIDDEN, CLASSES), b), u((CLASSES,), b)]


def lstm_data(rng, batch=32):
    ids = rng.integers(1, VOCAB, size=(8, batch, STEPS)).astype(np.int32)
    ys = rng.integers(0, CLASSES, size=(8, batch)).astype(np.int32)
    return ids, ys


# ---------------------------------------------------------------- numpy

def numpy_mlp(batch, seconds, repeats):
    rng = np.random.default_rng(0)
    w1, b1, w2, b2 = mlp_params(rng)
    xs, ys = mlp_data(rng, batch)
    state = {"k": 0}
    rows = np.arange(batch)

    def step():
        k = state["k"] % 8
        state["k"] += 1
        x, y = xs[k], ys[k]
        a = x @ w1 + b1
        h = np.maximum(a, 0)
        z = h @ w2 + b2
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        p[rows, y] -= 1
        dz = p / np.float32(batch)
        dw2 = h.T @ dz
        db2 = dz.sum(axis=0)
        dh = dz @ w2.T
        da = dh * (a > 0)
        dw1 = x.T @ da
        db1 = da.sum(axis=0)
        w1[...] -= LR * dw1; b1[...] -= LR * db1; w2[...] -= LR * dw2; b2[...] -= LR * db2

    return timed(step, seconds, repeats)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def numpy_lstm(seconds, repeats):
    rng = np.random.default_rng(0)
    emb, wih, whh, bias, wout, bout = lstm_params(rng)
    ids_all, ys = lstm_data(rng)
    batch, H = 32, HIDDEN
    rows = np.arange(batch)
    state = {"k": 0}

    def step():
        k = state["k"] % 8
        state["k"] += 1
        ids, y = ids_all[k], ys[k]
        x = emb[ids.T]                                   # [T, B, E]
        proj = x.reshape(STEPS * batch, EMBED) @ wih + bias
        proj = proj.reshape(STEPS, batch, 4 * H)
        h = np.zeros((batch, H), np.float32); c = np.zeros((batch, H), np.float32)
        cache = []
        for t in range(STEPS):
            g = proj[t] + h @ whh
            s = sigmoid(g[:, :3 * H]); gg = np.tanh(g[:, 3 * H:])
            i, f, o = s[:, :H], s[:, H:2 * H], s[:, 2 * H:]
            c_new = f * c + i * gg
            tc = np.tanh(c_new)
            h_new = o * tc
            cache.append((h, c, i, f, o, gg, tc))
            h, c = h_new, c_new
        z = h @ wout + bout
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z); p /= p.sum(axis=1, keepdims=True)
        p[rows, y] -= 1
        dz = p / np.float32(batch)
        dwout = h.T @ dz; dbout = dz.sum(axis=0)
        dh = dz @ wout.T
        dc = np.zeros_like(dh)
        dwhh = np.zeros_like(whh)
        dproj = np.empty_like(proj)
        for t in reversed(range(STEPS)):
            h_prev, c_prev, i, f, o, gg, tc = cache[t]
            do = dh * tc
            dc = dc + dh * o * (1 - tc * tc)
            di = dc * gg; df = dc * c_prev; dg = dc * i
            dgates = np.concatenate([di * i * (1 - i), df * f * (1 - f), do * o * (1 - o), dg * (1 - gg * gg)], axis=1)
            dproj[t] = dgates
            dwhh += h_prev.T @ dgates
            dh = dgates @ whh.T
            dc = dc * f
        dflat = dproj.reshape(STEPS * batch, 4 * H)
        dwih = x.reshape(STEPS * batch, EMBED).T @ dflat
        dbias = dflat.sum(axis=0)
        dx = dflat @ wih.T
        demb = np.zeros_like(emb)
        np.add.at(demb, ids.T.reshape(-1), dx)
        emb[...] -= LR * demb
        wih[...] -= LR * dwih; whh[...] -= LR * dwhh; bias[...] -= LR * dbias
        wout[...] -= LR * dwout; bout[...] -= LR * dbout

    return timed(step, seconds, repeats)


# ---------------------------------------------------------------- JAX

def jax_cases(seconds, repeats):
    import jax
    import jax.numpy as jnp
    jax.config.update("jax_platforms", "cpu")

    def ce(logits, y):
        return -jnp.mean(jnp.take_along_axis(jax.nn.log_softmax(logits), y[:, None], axis=1))

    def mlp_loss(p, x, y):
        w1, b1, w2, b2 = p
        return ce(jax.nn.relu(x @ w1 + b1) @ w2 + b2, y)

    def lstm_loss(p, ids, y):
        emb, wih, whh, bias, wout, bout = p
        H = HIDDEN
        x = emb[ids.T]                                    # [T, B, E]
        proj = x @ wih + bias

        def cell(carry, pt):
            h, c = carry
            g = pt + h @ whh
            s = jax.nn.sigmoid(g[:, :3 * H]); gg = jnp.tanh(g[:, 3 * H:])
            c = s[:, H:2 * H] * c + s[:, :H] * gg
            h = s[:, 2 * H:] * jnp.tanh(c)
            return (h, c), None

        zeros = jnp.zeros((ids.shape[0], H), jnp.float32)
        (h, _), _ = jax.lax.scan(cell, (zeros, zeros), proj)
        return ce(h @ wout + bout, y)

    def sgd(loss):
        def step(p, x, y):
            g = jax.grad(loss)(p, x, y)
            return [w - LR * gw for w, gw in zip(p, g)]
        return step

    def run(name, loss, params, xs, ys):
        step = jax.jit(sgd(loss))
        xs, ys = jnp.asarray(xs), jnp.asarray(ys)
        holder = {"p": [jnp.asarray(w) for w in params], "k": 0}

        def one():
            k = holder["k"] % 8
            holder["k"] += 1
            holder["p"] = step(holder["p"], xs[k], ys[k])

        def sync():
            jax.block_until_ready(holder["p"])

        batches = [(xs[k], ys[k]) for k in range(8)]

        def one_cached():
            k = holder["k"] % 8
            holder["k"] += 1
            holder["p"] = step(holder["p"], *batches[k])

        report("jax_jit", name, timed(one_cached, seconds, repeats, sync=sync))

        @jax.jit
        def fused(p, k0):
            def body(i, p):
                k = (k0 + i) % 8
                return sgd(loss)(p, xs[k], ys[k])
            return jax.lax.fori_loop(0, 50, body, p)

        holder["p"] = [jnp.asarray(w) for w in params]

        def fifty():
            holder["p"] = fused(holder["p"], holder["k"] % 8)
            holder["k"] += 50

        report("jax_jit_fused50", name, timed(fifty, seconds, repeats, steps_per_call=50, sync=sync))

    rng = np.random.default_rng(0)
    for batch in (32, 256):
        xs, ys = mlp_data(rng, batch)
        run(f"mlp_b{batch}", mlp_loss, mlp_params(rng), xs, ys)
    ids, ys = lstm_data(rng)
    run("lstm_b32", lstm_loss, lstm_params(rng), ids, ys)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    report("numpy", "mlp_b32", numpy_mlp(32, args.seconds, args.repeats))
    report("numpy", "mlp_b256", numpy_mlp(256, args.seconds, args.repeats))
    report("numpy", "lstm_b32", numpy_lstm(args.seconds, args.repeats))
    try:
        jax_cases(args.seconds, args.repeats)
    except ImportError as error:
        print(f"jax unavailable: {error}", file=sys.stderr)


if __name__ == "__main__":
    main()
