#!/usr/bin/env python3
"""Independent reference values for the HazeFuse metrics (org.hazefuse.metrics).

Written from the papers' definitions and the conventions in docs/metrics.md with numpy/scipy idioms
(histogram2d, ndimage.correlate, numpy.fft, scipy.special.gamma, numpy.linalg.pinv), not translated from the
Java code, so that agreement means both follow the same definition. Prints one block of numbers per pair in
core-model/src/test/resources/metrics/; MetricsReferenceTest pins them.

Run: python3 core-model/src/test/python/metrics_reference.py   (numpy >= 1.24, scipy >= 1.10; no other packages)
"""
import json
import struct
import sys
import zlib
from pathlib import Path

import numpy as np
from scipy import ndimage, special

HERE = Path(__file__).resolve().parent
RESOURCES = HERE.parent / "resources" / "metrics"
NIQE_MODEL = HERE.parents[1] / "main" / "resources" / "org" / "hazefuse" / "metrics" / "niqe_pristine.json"


# ---------------------------------------------------------------- PNG reading (8-bit, non-interlaced)
def read_png(path):
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and ctype in (0, 2, 6), (path, depth, ctype)
            channels = {0: 1, 2: 3, 6: 4}[ctype]
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    out = np.zeros((height, stride), dtype=np.int64)
    prev = np.zeros(stride, dtype=np.int64)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = np.frombuffer(raw, dtype=np.uint8, count=stride, offset=y * (stride + 1) + 1).astype(np.int64)
        cur = np.zeros(stride, dtype=np.int64)
        for x in range(stride):
            a = cur[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if f == 0:
                p = 0
            elif f == 1:
                p = a
            elif f == 2:
                p = b
            elif f == 3:
                p = (a + b) // 2
            else:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                p = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
            cur[x] = (line[x] + p) & 255
        out[y] = cur
        prev = cur
    img = out.reshape(height, width, channels).astype(np.float64)
    return img[..., :3] if channels == 4 else img


def gray(img):
    """8-bit BT.601 luma rounded half up; a 1-channel image as is."""
    if img.shape[2] == 1:
        return img[..., 0]
    r, g, b = img[..., 0], img[..., 1], img[..., 2]
    return np.floor(0.299 * r + 0.587 * g + 0.114 * b + 0.5)


# ---------------------------------------------------------------- information metrics
def entropy(f):
    p = np.bincount(f.astype(np.int64).ravel(), minlength=256) / f.size
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def mutual_information(x, y):
    joint, _, _ = np.histogram2d(x.ravel(), y.ravel(), bins=256, range=[[-0.5, 255.5], [-0.5, 255.5]])
    pxy = joint / joint.sum()
    px = pxy.sum(axis=1, keepdims=True)
    py = pxy.sum(axis=0, keepdims=True)
    nz = pxy > 0
    return float((pxy[nz] * np.log2(pxy[nz] / (px @ py)[nz])).sum())


def spatial_frequency(f):
    rf2 = np.mean(np.diff(f, axis=1) ** 2)
    cf2 = np.mean(np.diff(f, axis=0) ** 2)
    return float(np.sqrt(rf2 + cf2))


def average_gradient(f):
    dx = f[:-1, 1:] - f[:-1, :-1]
    dy = f[1:, :-1] - f[:-1, :-1]
    return float(np.mean(np.sqrt((dx ** 2 + dy ** 2) / 2)))


def scd(f, a, b):
    return float(np.corrcoef((f - b).ravel(), a.ravel())[0, 1] + np.corrcoef((f - a).ravel(), b.ravel())[0, 1])


# ---------------------------------------------------------------- Qabf
SOBEL_X = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64)
SOBEL_Y = SOBEL_X.T


def sobel(img):
    gx = ndimage.correlate(img, SOBEL_X, mode="constant", cval=0.0)
    gy = ndimage.correlate(img, SOBEL_Y, mode="constant", cval=0.0)
    return gx, gy


def qabf(f, a, b):
    def edges(img):
        gx, gy = sobel(img)
        g = np.hypot(gx, gy)
        with np.errstate(divide="ignore", invalid="ignore"):
            alpha = np.where(gx == 0, np.pi / 2, np.arctan(gy / np.where(gx == 0, 1, gx)))
        return g, alpha

    gf, af = edges(f)

    def q(src):
        gs, as_ = edges(src)
        with np.errstate(divide="ignore", invalid="ignore"):
            rel = np.where(gs == gf, 1.0, np.minimum(gs, gf) / np.maximum(gs, gf))
        orient = 1 - np.abs(as_ - af) / (np.pi / 2)
        qg = 0.9994 / (1 + np.exp(-15 * (rel - 0.5)))
        qa = 0.9879 / (1 + np.exp(-22 * (orient - 0.8)))
        return qg * qa, gs

    qa_, ga = q(a)
    qb_, gb = q(b)
    return float((qa_ * ga + qb_ * gb).sum() / (ga + gb).sum())


# ---------------------------------------------------------------- Qcv
def qcv(f, a, b):
    def stretch(x):
        lo, hi = x.min(), x.max()
        return x.copy() if hi == lo else np.floor((x - lo) / (hi - lo) * 255 + 0.5)

    f, a, b = stretch(f), stretch(a), stretch(b)
    h, w = f.shape
    ph, pw = -h % 16, -w % 16

    def blocks(x):
        x = np.pad(x, ((0, ph), (0, pw)))
        return x.reshape(x.shape[0] // 16, 16, x.shape[1] // 16, 16)

    def saliency(x):
        gx, gy = sobel(x)
        return blocks(np.hypot(gx, gy) ** 5).sum(axis=(1, 3))

    u = (np.arange(w) - w // 2) / 4.0
    v = (np.arange(h) - h // 2) / 4.0
    r = np.hypot(*np.meshgrid(u, v))
    csf = 2.6 * (0.0192 + 0.144 * r) * np.exp(-(0.144 * r) ** 1.1)

    def filtered(d):
        return np.real(np.fft.ifft2(np.fft.ifftshift(np.fft.fftshift(np.fft.fft2(d)) * csf)))

    da = (blocks(filtered(a - f)) ** 2).mean(axis=(1, 3))
    db = (blocks(filtered(b - f)) ** 2).mean(axis=(1, 3))
    la, lb = saliency(a), saliency(b)
    return float((la * da + lb * db).sum() / (la + lb).sum())


# ---------------------------------------------------------------- VIF (pixel domain, multi-scale)
def gauss_window(n, sigma):
    ax = np.arange(n) - n // 2
    g = np.exp(-(ax[:, None] ** 2 + ax[None, :] ** 2) / (2 * sigma ** 2))
    return g / g.sum()


def filter_valid(img, win):
    full = ndimage.correlate(img, win, mode="constant")
    r = win.shape[0] // 2
    return full[r:img.shape[0] - r, r:img.shape[1] - r]


def vifp(ref, dist):
    num = den = 0.0
    for scale in range(1, 5):
        n = 2 ** (4 - scale + 1) + 1
        win = gauss_window(n, n / 5.0)
        if scale > 1:
            ref = filter_valid(ref, win)[::2, ::2]
            dist = filter_valid(dist, win)[::2, ::2]
        mu1, mu2 = filter_valid(ref, win), filter_valid(dist, win)
        s1 = np.maximum(filter_valid(ref * ref, win) - mu1 ** 2, 0)
        s2 = np.maximum(filter_valid(dist * dist, win) - mu2 ** 2, 0)
        s12 = filter_valid(ref * dist, win) - mu1 * mu2
        g = s12 / (s1 + 1e-10)
        sv = s2 - g * s12
        low1 = s1 < 1e-10
        g[low1], sv[low1], s1[low1] = 0, s2[low1], 0
        low2 = s2 < 1e-10
        g[low2], sv[low2] = 0, 0
        neg = g < 0
        sv[neg], g[neg] = s2[neg], 0
        sv = np.maximum(sv, 1e-10)
        num += np.log10(1 + g ** 2 * s1 / (sv + 2)).sum()
        den += np.log10(1 + s1 / 2).sum()
    return float(num / den)


# ---------------------------------------------------------------- PSNR, SSIM
def psnr(x, y):
    return float(10 * np.log10(255.0 ** 2 / np.mean((x - y) ** 2)))


def ssim_plane(x, y):
    win = gauss_window(11, 1.5)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mx, my = filter_valid(x, win), filter_valid(y, win)
    vx = filter_valid(x * x, win) - mx ** 2
    vy = filter_valid(y * y, win) - my ** 2
    cxy = filter_valid(x * y, win) - mx * my
    m = ((2 * mx * my + c1) * (2 * cxy + c2)) / ((mx ** 2 + my ** 2 + c1) * (vx + vy + c2))
    return float(m.mean())


def ssim(x, y):
    return float(np.mean([ssim_plane(x[..., c], y[..., c]) for c in range(3)]))


# ---------------------------------------------------------------- NIQE
GAM = np.arange(0.2, 10.0005, 0.001)
R_GAM = special.gamma(2 / GAM) ** 2 / (special.gamma(1 / GAM) * special.gamma(3 / GAM))


def aggd(v):
    left = np.sqrt(np.mean(v[v < 0] ** 2))
    right = np.sqrt(np.mean(v[v > 0] ** 2))
    gh = left / right
    rhat = np.mean(np.abs(v)) ** 2 / np.mean(v ** 2)
    rn = rhat * (gh ** 3 + 1) * (gh + 1) / (gh ** 2 + 1) ** 2
    alpha = GAM[np.argmin((R_GAM - rn) ** 2)]
    k = np.sqrt(special.gamma(1 / alpha) / special.gamma(3 / alpha))
    return alpha, left * k, right * k


def block_features(p):
    a, bl, br = aggd(p.ravel())
    feats = [a, (bl + br) / 2]
    for shift in [(0, 1), (1, 0), (1, 1), (-1, 1)]:
        prod = p * np.roll(p, shift, axis=(0, 1))
        a, bl, br = aggd(prod.ravel())
        mean = (br - bl) * special.gamma(2 / a) / special.gamma(1 / a)
        feats += [a, mean, bl, br]
    return feats


def imresize_half(img):
    def weights(n):
        out = (n + 1) // 2
        m = np.zeros((out, n))
        for i in range(out):
            u = 2 * (i + 1) - 0.5  # MATLAB 1-based centre
            for j1 in range(int(np.floor(u - 4)), int(np.floor(u - 4)) + 10):
                x = 0.5 * (u - j1)
                ax = abs(x)
                c = (1.5 * ax ** 3 - 2.5 * ax ** 2 + 1) if ax <= 1 else (
                    (-0.5 * ax ** 3 + 2.5 * ax ** 2 - 4 * ax + 2) if ax <= 2 else 0.0)
                j = j1 - 1  # to 0-based, then reflect (symmetric)
                j = j % (2 * n)
                j = j if j < n else 2 * n - 1 - j
                m[i, j] += 0.5 * c
            m[i] /= m[i].sum()
        return m

    return weights(img.shape[0]) @ img @ weights(img.shape[1]).T


def niqe(img, model):
    h, w = (img.shape[0] // 96) * 96, (img.shape[1] // 96) * 96
    img = img[:h, :w]
    win = np.array(model["gaussian_window_7x7"])
    win = win / win.sum()
    feats = []
    for scale in (1, 2):
        mu = ndimage.correlate(img, win, mode="nearest")
        sigma = np.sqrt(np.abs(ndimage.correlate(img * img, win, mode="nearest") - mu * mu))
        mscn = (img - mu) / (sigma + 1)
        bs = 96 // scale
        rows = [block_features(mscn[y:y + bs, x:x + bs])
                for y in range(0, img.shape[0], bs) for x in range(0, img.shape[1], bs)]
        feats.append(np.array(rows))
        img = imresize_half(img)
    feats = np.hstack(feats)
    feats = feats[np.all(np.isfinite(feats), axis=1)]
    mu_d = feats.mean(axis=0)
    cov_d = np.cov(feats, rowvar=False)
    d = np.array(model["mu"]) - mu_d
    inv = np.linalg.pinv((np.array(model["cov"]) + cov_d) / 2)
    return float(np.sqrt(d @ inv @ d))


# ---------------------------------------------------------------- driver
def main():
    model = json.loads(NIQE_MODEL.read_text())
    for pair in sorted(p for p in RESOURCES.iterdir() if p.is_dir()):
        vis = read_png(pair / "vis.png")
        ir = read_png(pair / "ir.png")
        fused = read_png(pair / "fused.png")
        restored = read_png(pair / "restored.png")
        F, A, B = gray(fused), gray(ir), gray(vis)
        values = {
            "MI": mutual_information(F, A) + mutual_information(F, B),
            "Qabf": qabf(F, A, B),
            "Qcv": qcv(F, A, B),
            "SCD": scd(F, A, B),
            "VIF": vifp(A, F) + vifp(B, F),
            "SF": spatial_frequency(F),
            "EN": entropy(F),
            "SD": float(np.std(F)),
            "AG": average_gradient(F),
            "PSNR": psnr(restored, vis),
            "SSIM": ssim(restored, vis),
            "NIQE": niqe(F, model),
        }
        print(pair.name)
        for k, v in values.items():
            print(f"  {k:5s} {v:.10f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
