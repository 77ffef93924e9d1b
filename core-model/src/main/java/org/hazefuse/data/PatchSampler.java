package org.hazefuse.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.hazefuse.runtime.Engines;
import org.hazefuse.darkchannel.DarkChannelPrior;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.haze.HazeSynthesizer;
import org.hazefuse.image.FloatImage;
import org.hazefuse.image.Resize;
import org.hazefuse.method.DensitySettings;
import org.hazefuse.method.ImagePair;

/**
 * Turns a global sample index into one augmented (hazy, infrared, clear) patch triplet (docs/design/iassf.md, "Loss and
 * training": random crops, horizontal flip and 90° rotation applied to the whole triplet).
 *
 * <p><b>Determinism.</b> Sample {@code i} depends only on the run seed and {@code i}: its pair is position
 * {@code i mod N} of a seeded shuffle of epoch {@code i div N} (N pairs); its crop, flip, rotation and haze come
 * from {@code SplittableRandom(mix(runSeed, i))}. Step {@code s} with batch B holds samples
 * {@code s·B … s·B + B − 1}, so a resumed run regenerates exactly the batches it would have seen.
 *
 * <p><b>Order of operations.</b> Crop (Java row copies of the cached frame), then, on engine tensors,
 * haze synthesis on the clear crop (clear pairs only: the depth proxy is laid over the patch, a cheap and
 * equally smooth stand-in for the frame's), then flip and rotation of the stacked 7-channel triplet in one
 * op each, so the three images cannot get out of step.
 *
 * <p><b>Frames smaller than the patch</b> (e.g. MSRS 128×128 with a 256 patch) are <em>enlarged</em>
 * bilinearly, keeping the aspect ratio, until the shorter side equals the patch, instead of reflect-padded:
 * reflection needs a pad smaller than the side (so 128 → 256 is impossible) and would teach the network
 * mirrored seams that real inputs never have.
 *
 * <p><b>Frame prior</b> (for networks with {@link org.hazefuse.model.iassf.IassfConfig#physicsPrior()}): the haze is
 * synthesized on the whole frame, the dark channel prior (transmission and airlight) is estimated on the whole
 * hazy frame, and the prior's transmission is cropped, flipped and turned with the patch. The network then sees on
 * a patch the same prior it computes on a whole frame at inference; a prior estimated on the patch itself has a
 * different airlight and transmission, and corrections learned on it do not carry over to whole frames.
 *
 * <p>Runs on the CPU whatever the training device: the result goes back to Java arrays anyway, and the
 * accelerator stays free for the network.
 *
 * <p>Thread-safe: workers call {@link #fill} concurrently.
 */
public final class PatchSampler {

    private static final long SHUFFLE_SALT = 0x5DEECE66DL;

    private final TrainingSet set;
    private final int patch;
    private final boolean augment;
    private final long runSeed;
    private final boolean framePrior;
    private volatile Permutation lastPermutation;

    /**
     * @param patch side P of the square patches
     * @param augment random horizontal flip and 90° rotation (crops are always random)
     * @param runSeed the run's seed
     */
    public PatchSampler(TrainingSet set, int patch, boolean augment, long runSeed) {
        this(set, patch, augment, runSeed, false);
    }

    /**
     * @param framePrior also deliver the dark channel prior of the whole hazy frame with each patch
     */
    public PatchSampler(TrainingSet set, int patch, boolean augment, long runSeed, boolean framePrior) {
        if (patch < 1) {
            throw new IllegalArgumentException("patch must be positive, got " + patch);
        }
        this.set = set;
        this.patch = patch;
        this.augment = augment;
        this.runSeed = runSeed;
        this.framePrior = framePrior;
    }

    /** Whether samples carry the whole frame's dark channel prior. */
    public boolean framePrior() {
        return framePrior;
    }

    public int patch() {
        return patch;
    }

    public TrainingSet trainingSet() {
        return set;
    }

    /** The pair drawn for sample {@code sampleIndex}: each epoch visits every pair once, in a seeded order. */
    public int pairIndex(long sampleIndex) {
        int n = set.size();
        long epoch = sampleIndex / n;
        Permutation p = lastPermutation;
        if (p == null || p.epoch != epoch) {
            p = new Permutation(epoch, shuffle(n, Seeds.mix(runSeed ^ SHUFFLE_SALT, epoch)));
            lastPermutation = p;
        }
        return p.order[(int) (sampleIndex % n)];
    }

    /** Sample {@code sampleIndex} as its own arrays. */
    public PatchSample sample(long sampleIndex) {
        int pp = patch * patch;
        float[] hazy = new float[3 * pp];
        float[] ir = new float[pp];
        float[] clear = new float[3 * pp];
        float[] prior = framePrior ? new float[pp] : null;
        float[] airlight = framePrior ? new float[3] : null;
        Choices c = render(sampleIndex, hazy, ir, clear, prior, airlight, 0);
        return new PatchSample(hazy, ir, clear, prior, airlight, c.pairIndex, c.x, c.y, c.flip, c.turns);
    }

    /**
     * Writes sample {@code sampleIndex} into slot {@code slot} of NCHW batch arrays: {@code hazy} and
     * {@code clear} (N, 3, P, P), {@code infrared} (N, 1, P, P); with a {@linkplain #framePrior() frame prior} also
     * {@code prior} (N, 1, P, P), the prior's transmission, and {@code airlight} (N, 3), else both may be null.
     *
     * @throws org.hazefuse.io.BadInputException if the pair's files cannot be read
     */
    public void fill(long sampleIndex, float[] hazy, float[] infrared, float[] clear, float[] prior,
            float[] airlight, int slot) {
        render(sampleIndex, hazy, infrared, clear, prior, airlight, slot);
    }

    private Choices render(long sampleIndex, float[] hazyOut, float[] irOut, float[] clearOut, float[] priorOut,
            float[] airlightOut, int slot) {
        int item = pairIndex(sampleIndex);
        ImagePair pair = set.cache().get(set.pairs().get(item));
        SplittableRandom random = new SplittableRandom(Seeds.mix(runSeed, sampleIndex));
        // Always draw in this order, whatever is used, so the stream stays aligned across code paths.
        double u = random.nextDouble();
        double v = random.nextDouble();
        boolean flip = random.nextBoolean() && augment;
        int turns = augment ? random.nextInt(4) : 0;
        long hazeSeed = random.nextLong();

        FloatImage vis = pair.visible();
        FloatImage ir = pair.infrared();
        boolean synthesize = pair.clearVisible().isEmpty();
        FloatImage[] frames = synthesize
                ? new FloatImage[] {vis, ir}
                : new FloatImage[] {vis, ir, pair.clearVisible().get()};
        if (framePrior) {
            return renderWithFramePrior(item, frames, synthesize, u, v, flip, turns, hazeSeed, hazyOut, irOut,
                    clearOut, priorOut, airlightOut, slot);
        }
        int channels = synthesize ? 4 : 7;
        int w = vis.width();
        int h = vis.height();
        int pp = patch * patch;
        int x;
        int y;
        try (NDManager manager = Engines.cpuManager()) {
            NDArray stack;
            if (w < patch || h < patch) {
                int nw = enlarged(w, w, h);
                int nh = enlarged(h, w, h);
                x = (int) (u * (nw - patch + 1));
                y = (int) (v * (nh - patch + 1));
                NDArray full = manager.create(concat(frames, channels, w * h), new Shape(1, channels, h, w));
                stack = Resize.resize(full, nw, nh).squeeze(0)
                        .get(":, " + y + ":" + (y + patch) + ", " + x + ":" + (x + patch));
            } else {
                x = (int) (u * (w - patch + 1));
                y = (int) (v * (h - patch + 1));
                float[] crop = new float[channels * pp];
                int offset = 0;
                for (FloatImage frame : frames) {
                    cropInto(frame, x, y, crop, offset);
                    offset += frame.channels() * pp;
                }
                stack = manager.create(crop, new Shape(channels, patch, patch));
            }
            NDArray triplet;
            if (synthesize) {
                NDArray clear = stack.get("0:3");
                HazeSettings haze = set.hazeSampler().sample(hazeSeed);
                NDArray t = HazeSynthesizer.transmission(manager, patch, patch, haze, null);
                NDArray hazy = HazeSynthesizer.hazy(clear, t, haze.airlight());
                triplet = NDArrays.concat(new NDList(hazy, stack.get("3:4"), clear), 0);
            } else {
                triplet = stack;
            }
            copyOut(orient(triplet, flip, turns).toFloatArray(), hazyOut, irOut, clearOut, priorOut, slot);
        }
        return new Choices(item, x, y, flip, turns);
    }

    /**
     * The frame-prior path: haze on the whole frame, the prior on the whole hazy frame, then one crop of the stacked
     * (hazy, infrared, clear, prior transmission) frame. Frames smaller than the patch are enlarged after the prior
     * is estimated, as the network would see them if a user enlarged them.
     */
    private Choices renderWithFramePrior(int item, FloatImage[] frames, boolean synthesize, double u, double v,
            boolean flip, int turns, long hazeSeed, float[] hazyOut, float[] irOut, float[] clearOut,
            float[] priorOut, float[] airlightOut, int slot) {
        int w = frames[0].width();
        int h = frames[0].height();
        int channels = synthesize ? 4 : 7;
        try (NDManager manager = Engines.cpuManager()) {
            NDArray stack = manager.create(concat(frames, channels, w * h), new Shape(channels, h, w));
            if (synthesize) {
                NDArray clear = stack.get("0:3");
                HazeSettings haze = set.hazeSampler().sample(hazeSeed);
                NDArray hazy = HazeSynthesizer.hazy(clear, HazeSynthesizer.transmission(manager, w, h, haze, null),
                        haze.airlight());
                stack = NDArrays.concat(new NDList(hazy, stack.get("3:4"), clear), 0);
            }
            DarkChannelPrior.Estimate prior = DarkChannelPrior.estimate(stack.get("0:3").expandDims(0),
                    DensitySettings.DEFAULT);
            stack = stack.concat(prior.transmission().squeeze(0), 0).expandDims(0);
            int nw = w;
            int nh = h;
            if (w < patch || h < patch) {
                nw = enlarged(w, w, h);
                nh = enlarged(h, w, h);
                stack = Resize.resize(stack, nw, nh);
            }
            int x = (int) (u * (nw - patch + 1));
            int y = (int) (v * (nh - patch + 1));
            NDArray crop = stack.squeeze(0).get(":, " + y + ":" + (y + patch) + ", " + x + ":" + (x + patch));
            copyOut(orient(crop, flip, turns).toFloatArray(), hazyOut, irOut, clearOut, priorOut, slot);
            System.arraycopy(prior.airlight().toFloatArray(), 0, airlightOut, slot * 3, 3);
            return new Choices(item, x, y, flip, turns);
        }
    }

    /** A side of a w×h frame enlarged (aspect kept) until its shorter side equals the patch. */
    private int enlarged(int side, int w, int h) {
        double f = (double) patch / Math.min(w, h);
        return Math.max(patch, (int) Math.ceil(side * f - 1e-9));
    }

    private static NDArray orient(NDArray stack, boolean flip, int turns) {
        NDArray out = flip ? stack.flip(2) : stack;
        return turns > 0 ? out.rotate90(turns, new int[] {1, 2}) : out;
    }

    /** Splits a (7 or 8, P, P) stack — hazy, infrared, clear[, prior] — into the batch arrays' slot. */
    private void copyOut(float[] out, float[] hazyOut, float[] irOut, float[] clearOut, float[] priorOut, int slot) {
        int pp = patch * patch;
        System.arraycopy(out, 0, hazyOut, slot * 3 * pp, 3 * pp);
        System.arraycopy(out, 3 * pp, irOut, slot * pp, pp);
        System.arraycopy(out, 4 * pp, clearOut, slot * 3 * pp, 3 * pp);
        if (priorOut != null) {
            System.arraycopy(out, 7 * pp, priorOut, slot * pp, pp);
        }
    }

    private record Choices(int pairIndex, int x, int y, boolean flip, int turns) {
    }

    private record Permutation(long epoch, int[] order) {
    }

    /** Copies the P×P window at (x, y) of every channel of {@code image}, one row at a time. */
    private void cropInto(FloatImage image, int x, int y, float[] dst, int offset) {
        int w = image.width();
        int h = image.height();
        float[] src = image.data();
        for (int c = 0; c < image.channels(); c++) {
            for (int row = 0; row < patch; row++) {
                System.arraycopy(src, (c * h + y + row) * w + x, dst, offset + (c * patch + row) * patch, patch);
            }
        }
    }

    private static float[] concat(FloatImage[] frames, int channels, int n) {
        float[] all = new float[channels * n];
        int offset = 0;
        for (FloatImage f : frames) {
            System.arraycopy(f.data(), 0, all, offset, f.data().length);
            offset += f.data().length;
        }
        return all;
    }

    private static int[] shuffle(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}
