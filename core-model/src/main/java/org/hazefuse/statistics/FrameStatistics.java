package org.hazefuse.statistics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;
import java.util.function.Supplier;

/**
 * Whole-frame statistics shared by the tiles of one frame, so that a tiled run computes what an untiled one does
 * (docs/design/tiling.md).
 *
 * <p>Some layers reduce over the whole image: the rescaled layer norm's per-sample mean and deviation, the prompt
 * generators' and the selective-kernel fusion's global pooling, the density's min–max and the airlight. Run on a
 * tile they would see only that tile. A frame is therefore run once, in {@link #recording recording} mode, on a
 * reduced copy that fits one tile: every such site stores its value, in call order. Each tile then runs in
 * {@link #replaying replaying} mode: the sites take the stored values instead of their own, in the same order, and
 * the resampled prompts are cut from the frame's prompt at the tile's place ({@link #region()}).
 *
 * <p>Means and deviations survive the reduction; extremes do not (a reduced copy's minimum and maximum are less
 * extreme, and the density's min–max normalisation then misreads every tile: 20–24 dB instead of 55 dB between
 * tiled and whole on a real frame, docs/design/tiling.md). Sites of an {@link #extreme extreme} are therefore
 * {@link #refine refined} on the full-resolution tiles before the tiles run: each tile runs until its last extreme,
 * which is folded into the frame's value, and stops there.
 *
 * <p>The statistics travel on the running thread rather than through every block's signature: DJL's
 * {@code Block.forward} carries no context to children, and only a handful of layers have a global site. Outside a
 * {@link #recording}/{@link #replaying} scope {@link #shared} simply computes.
 */
public final class FrameStatistics implements AutoCloseable {
    private static final ThreadLocal<FrameStatistics> CURRENT = new ThreadLocal<>();

    /**
     * Where a tile lies in the frame: its window [top, top + height) × [left, left + width) of a frame of
     * frameHeight × frameWidth, in the pixels of the network's input (after its padding).
     */
    public record Region(long top, long left, long height, long width, long frameHeight, long frameWidth,
            long margin) {
        /** The same region on a map of the tile scaled to {@code mapHeight × mapWidth} (a lower network level). */
        public Region window(long mapHeight, long mapWidth) {
            if (mapHeight == height && mapWidth == width) {
                return this;
            }
            double fy = (double) mapHeight / height;
            double fx = (double) mapWidth / width;
            return new Region(Math.round(top * fy), Math.round(left * fx), mapHeight, mapWidth,
                    Math.round(frameHeight * fy), Math.round(frameWidth * fx), Math.round(margin * fy));
        }

        /**
         * The part of a map of this region that lies at least {@code margin} pixels from a side shared with a
         * neighbour: where the tile sees what the whole frame sees.
         */
        NDArray interior(NDArray map) {
            Region r = window(map.getShape().get(2), map.getShape().get(3));
            long top = r.top > 0 ? r.margin : 0;
            long left = r.left > 0 ? r.margin : 0;
            long bottom = r.top + r.height < r.frameHeight ? r.height - r.margin : r.height;
            long right = r.left + r.width < r.frameWidth ? r.width - r.margin : r.width;
            if (bottom <= top || right <= left) {
                return map;
            }
            return map.get(new NDIndex(":, :, {}:{}, {}:{}", top, bottom, left, right));
        }
    }

    /** Which of a frame's statistics an {@link #extreme} is, and how two of them combine. */
    public enum Extreme {
        MIN, MAX;

        NDArray combine(NDArray a, NDArray b) {
            return this == MIN ? a.minimum(b) : a.maximum(b);
        }

        /** Over H and W of a (B, C, H, W) map, kept as (B, C, 1, 1). */
        NDArray of(NDArray map) {
            Shape s = map.getShape();
            NDArray flat = map.reshape(s.get(0), s.get(1), -1);
            NDArray r = this == MIN ? flat.min(new int[] {2}, true) : flat.max(new int[] {2}, true);
            return r.reshape(s.get(0), s.get(1), 1, 1);
        }
    }

    private enum Mode { RECORD, REFINE, REPLAY }

    /** Thrown to stop a refining pass after its last extreme; caught by {@link #refine}. */
    private static final class PassComplete extends RuntimeException {
        PassComplete() {
            super(null, null, false, false);
        }
    }

    private final NDManager manager;
    private final List<NDArray> values = new ArrayList<>();
    /** Per recorded value: its kind of extreme, or null for a plain shared statistic. */
    private final List<Extreme> kinds = new ArrayList<>();
    /** Per recorded value: where refining gathers a frame's brightest pixels, for those that are such means. */
    private final Map<Integer, BrightestPixels> brightest = new HashMap<>();
    /** Per recorded value: whether {@link #refine} makes it exact (extremes and brightest means). */
    private final List<Boolean> refinable = new ArrayList<>();
    private Mode mode;
    private Region region;
    private int cursor;
    private FrameStatistics previous;

    /** @param manager where recorded values are kept; statistics are closed with it or with {@link #close()} */
    public FrameStatistics(NDManager manager) {
        this.manager = manager.newSubManager();
    }

    /** Starts recording on this thread until the returned scope is closed. */
    public Scope recording() {
        values.forEach(NDArray::close);
        values.clear();
        kinds.clear();
        brightest.clear();
        refinable.clear();
        return enter(Mode.RECORD, null);
    }

    /** Whether the recording has extremes or brightest means, which {@link #refine} should make exact. */
    public boolean needsRefining() {
        return refinable.contains(true);
    }

    /**
     * Runs {@code pass} on the tile at {@code region} with the recorded values, folds the tile's own extremes into
     * the frame's, and stops the pass after the last of them.
     */
    public void refine(Region region, Runnable pass) {
        try (Scope scope = enter(Mode.REFINE, region)) {
            pass.run();
        } catch (PassComplete done) {
            // The tile's extremes are in; the rest of its pass is not needed.
        }
    }

    /** Replays the recorded values on this thread, for a tile at {@code region}, until the scope is closed. */
    public Scope replaying(Region region) {
        if (values.isEmpty()) {
            throw new IllegalStateException("nothing recorded to replay");
        }
        finishRefining();
        return enter(Mode.REPLAY, region);
    }

    private Scope enter(Mode to, Region at) {
        if (CURRENT.get() == this) {
            throw new IllegalStateException("frame statistics already in use on this thread");
        }
        previous = CURRENT.get();
        mode = to;
        region = at;
        cursor = 0;
        CURRENT.set(this);
        return this::leave;
    }

    private void leave() {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
        previous = null;
        region = null;
        if (mode == Mode.REPLAY && cursor != values.size()) {
            throw new IllegalStateException("a tile used " + cursor + " of the frame's " + values.size()
                    + " statistics: the tile ran a different network than the frame");
        }
    }

    /**
     * A whole-frame statistic: computed by {@code compute} (and recorded) unless a tile is replaying, in which case
     * the frame's value is returned, a copy belonging to {@code context}'s manager.
     */
    public static NDArray shared(NDArray context, Supplier<NDArray> compute) {
        FrameStatistics stats = CURRENT.get();
        return stats == null ? compute.get() : stats.next(context, compute, null, false);
    }

    /**
     * The mean of {@code image} (B, C, H, W) over the {@code count(frame pixels)} pixels with the largest {@code key}
     * (B, 1, H, W): the atmospheric light when the key is the dark channel. The frame's, like {@link #shared},
     * made exact by {@link #refine} from each tile's interior.
     */
    public static NDArray brightestMean(NDArray image, NDArray key, LongUnaryOperator count,
            Supplier<NDArray> compute) {
        FrameStatistics stats = CURRENT.get();
        if (stats == null || stats.mode != Mode.REFINE) {
            return stats == null ? compute.get() : stats.next(image, compute, null, true);
        }
        return stats.gatherBrightest(image, key, count);
    }

    private NDArray gatherBrightest(NDArray image, NDArray key, LongUnaryOperator count) {
        requireAnother();
        Region r = region.window(key.getShape().get(2), key.getShape().get(3));
        long k = count.applyAsLong(r.frameHeight() * r.frameWidth());
        brightest.computeIfAbsent(cursor, i -> new BrightestPixels((int) image.getShape().get(0),
                (int) image.getShape().get(1), k)).add(region.interior(image), region.interior(key));
        NDArray copy = values.get(cursor++).duplicate();
        copy.attach(image.getManager());
        stopAfterTheLastRefinable();
        return copy;
    }

    private void requireAnother() {
        if (cursor >= values.size()) {
            throw new IllegalStateException("a tile asked for more than the frame's " + values.size()
                    + " statistics: the tile ran a different network than the frame");
        }
    }

    /** Ends a refining pass once nothing after the current site is refined. */
    private void stopAfterTheLastRefinable() {
        if (!refinable.subList(cursor, refinable.size()).contains(true)) {
            throw new PassComplete();
        }
    }

    /** Turns the brightest pixels gathered by refining into the frame's means. */
    private void finishRefining() {
        for (Map.Entry<Integer, BrightestPixels> e : brightest.entrySet()) {
            NDArray old = values.get(e.getKey());
            values.set(e.getKey(), keep(e.getValue().mean(old.getManager(), old.getDataType())));
            old.close();
        }
        brightest.clear();
    }

    /**
     * The minimum or maximum over H and W of a (B, C, H, W) map, kept as (B, C, 1, 1): the frame's, like {@link
     * #shared}, made exact by {@link #refine} from each tile's interior (a tile's borders, padded, can hold
     * values the frame does not have).
     */
    public static NDArray extreme(NDArray map, Extreme kind) {
        FrameStatistics stats = CURRENT.get();
        if (stats == null) {
            return kind.of(map);
        }
        Supplier<NDArray> local = stats.mode == Mode.REFINE ? () -> kind.of(stats.region.interior(map))
                : () -> kind.of(map);
        return stats.next(map, local, kind, true);
    }

    /** The running tile's place in the frame; empty outside a tile's pass (the map is then the whole frame). */
    public static Optional<Region> region() {
        FrameStatistics stats = CURRENT.get();
        return stats == null ? Optional.empty() : Optional.ofNullable(stats.region);
    }

    private NDArray next(NDArray context, Supplier<NDArray> compute, Extreme kind, boolean refined) {
        if (mode == Mode.RECORD) {
            NDArray value = compute.get();
            values.add(keep(value));
            kinds.add(kind);
            refinable.add(refined);
            return value;
        }
        requireAnother();
        if (mode == Mode.REFINE && kinds.get(cursor) != null) {
            NDArray local = compute.get();
            NDArray frame = values.get(cursor);
            values.set(cursor, kinds.get(cursor).combine(frame, local)); // in this object's manager, as frame is
            frame.close();
            cursor++;
            stopAfterTheLastRefinable();
            return local;
        }
        NDArray copy = values.get(cursor++).duplicate();
        copy.attach(context.getManager());
        return copy;
    }

    private NDArray keep(NDArray value) {
        NDArray kept = value.duplicate();
        kept.attach(manager);
        return kept;
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Ends a pass; closing a replaying one checks that the tile used every statistic of the frame. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
