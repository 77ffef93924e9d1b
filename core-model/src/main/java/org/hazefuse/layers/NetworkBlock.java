package org.hazefuse.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Base of every network block of the project: fully convolutional NCHW blocks whose parameter shapes depend only
 * on channel counts, never on the image size.
 *
 * <p>That lets a block declare each child with its input channel count when it is created; initialisation then
 * needs no shape propagation through the forward pass (DJL's default), and any image size works afterwards.
 * Each block also reports its multiply-accumulates for an input size, so configurations can state their cost.
 */
public abstract class NetworkBlock extends AbstractBlock {
    private static final long SHAPE_PROBE = 8;

    private final List<Block> declaredChildren = new ArrayList<>();
    private final List<Shape> declaredInputs = new ArrayList<>();

    protected NetworkBlock(byte version) {
        super(version);
    }

    /** Adds a child that takes an NCHW map with {@code inChannels} channels. */
    protected final <B extends Block> B addMapChild(String name, B block, long inChannels) {
        return declare(name, block, new Shape(1, inChannels, SHAPE_PROBE, SHAPE_PROBE));
    }

    /** Adds a child that takes a (batch, features) vector. */
    protected final <B extends Block> B addVectorChild(String name, B block, long inFeatures) {
        return declare(name, block, new Shape(1, inFeatures));
    }

    private <B extends Block> B declare(String name, B block, Shape input) {
        addChildBlock(name, block);
        declaredChildren.add(block);
        declaredInputs.add(input);
        return block;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int i = 0; i < declaredChildren.size(); i++) {
            declaredChildren.get(i).initialize(manager, dataType, declaredInputs.get(i));
        }
    }

    /** Multiply-accumulates of one forward pass over a single {@code height × width} input. */
    public abstract long macs(long height, long width);

    /**
     * Runs a child on one array. At inference each call gets its own memory scope: DJL frees an NDArray only when
     * its manager closes, so without a scope every intermediate of a forward pass lives until the pass ends (6.3 GB
     * for lite and more than 16 GB for paper at 640×480; 2.2 GB and 3.8 GB with it, see BENCHMARKS.md). The input
     * is attached to the scope for the call and returned to its manager afterwards; only the output is kept.
     *
     * <p>Not in training, where every intermediate simply lives until the step's manager closes. Scopes were turned
     * off there while chasing the freed-memory bug of docs/known-issues.md, whose cause was DJL's scalar operands
     * (see {@link Scalars}), not the scopes; training with scopes has not been measured since.
     */
    protected static NDArray apply(Block block, ParameterStore store, NDArray x, boolean training) {
        if (training) {
            return block.forward(store, new NDList(x), true).singletonOrThrow();
        }
        NDManager parent = x.getManager();
        try (NDManager scope = parent.newSubManager()) {
            x.tempAttach(scope);
            NDArray y = block.forward(store, new NDList(x), training).singletonOrThrow();
            y.attach(parent);
            return y;
        }
    }

    /** Output shape of a block that keeps the spatial size and changes the channel count. */
    protected static Shape[] withChannels(Shape[] inputShapes, long channels) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), channels, in.get(2), in.get(3))};
    }
}
