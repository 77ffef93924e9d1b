package org.hazefuse.data;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.hazefuse.haze.HazeSettings;
import org.hazefuse.haze.HazeSynthesizer;
import org.hazefuse.image.FloatImage;
import org.hazefuse.image.Resize;
import org.hazefuse.method.ImagePair;

/**
 * Turns a global sample index into one augmented (hazy, infrared, clear) patch triplet (IASSF.md, "Loss and
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
    private volatile Permutation lastPermutation;

    /**
     * @param patch side P of the square patches
     * @param augment random horizontal flip and 90° rotation (crops are always random)
     * @param runSeed the run's seed
     */
    public PatchSampler(TrainingSet set, int patch, boolean augment, long runSeed) {
        if (patch < 1) {
            throw new IllegalArgumentException("patch must be positive, got " + patch);
        }
        this.set = set;
        this.patch = patch;
        this.augment = augment;
        this.runSeed = runSeed;
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
        Choices c = render(sampleIndex, hazy, ir, clear, 0);
        return new PatchSample(hazy, ir, clear, c.pairIndex, c.x, c.y, c.flip, c.turns);
    }

    /**
     * Writes sample {@code sampleIndex} into slot {@code slot} of NCHW batch arrays: {@code hazy} and
     * {@code clear} (N, 3, P, P), {@code infrared} (N, 1, P, P).
     *
     * @throws org.hazefuse.io.BadInputException if the pair's files cannot be read
     */
    public void fill(long sampleIndex, float[] hazy, float[] infrared, float[] clear, int slot) {
        render(sampleIndex, hazy, infrared, clear, slot);
    }

    private Choices render(long sampleIndex, float[] hazyOut, float[] irOut, float[] clearOut, int slot) {
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
        int channels = synthesize ? 4 : 7;
        int w = vis.width();
        int h = vis.height();
        int pp = patch * patch;
        int x;
        int y;
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray stack;
            if (w < patch || h < patch) {
                double f = (double) patch / Math.min(w, h);
                int nw = Math.max(patch, (int) Math.ceil(w * f - 1e-9));
                int nh = Math.max(patch, (int) Math.ceil(h * f - 1e-9));
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
            if (flip) {
                triplet = triplet.flip(2);
            }
            if (turns > 0) {
                triplet = triplet.rotate90(turns, new int[] {1, 2});
            }
            float[] out = triplet.toFloatArray();
            System.arraycopy(out, 0, hazyOut, slot * 3 * pp, 3 * pp);
            System.arraycopy(out, 3 * pp, irOut, slot * pp, pp);
            System.arraycopy(out, 4 * pp, clearOut, slot * 3 * pp, 3 * pp);
        }
        return new Choices(item, x, y, flip, turns);
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
