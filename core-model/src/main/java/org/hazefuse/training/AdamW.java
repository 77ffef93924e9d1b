package org.hazefuse.training;

import org.hazefuse.runtime.Engines;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * AdamW (Loshchilov and Hutter, ICLR 2019: Adam with decoupled weight decay), written on tensors so that its
 * state — the moment estimates and the step count — can be saved in checkpoints and restored exactly, which
 * DJL's built-in optimizers do not expose.
 *
 * <p>Per parameter w with gradient g at step t: m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²;
 * w ← (1 − lr·wd)·w − lr·(m/(1−β₁ᵗ)) / (sqrt(v/(1−β₂ᵗ)) + ε).
 */
public final class AdamW {
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final List<Parameter> parameters;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private long step;

    public AdamW(List<Parameter> parameters, NDManager manager, float weightDecay) {
        this(parameters, manager, 0.9f, 0.999f, 1e-8f, weightDecay);
    }

    public AdamW(List<Parameter> parameters, NDManager manager, float beta1, float beta2, float eps,
            float weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.parameters = List.copyOf(parameters);
        for (Parameter p : this.parameters) {
            firstMoments.add(manager.zeros(p.getArray().getShape(), p.getArray().getDataType()));
            secondMoments.add(manager.zeros(p.getArray().getShape(), p.getArray().getDataType()));
        }
    }

    /** Applies one update from the parameters' accumulated gradients, then clears those gradients. */
    public void update(float learningRate) {
        step++;
        float correction1 = (float) (1 - Math.pow(beta1, step));
        float correction2 = (float) (1 - Math.pow(beta2, step));
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                NDArray w = parameters.get(i).getArray();
                // Temporaries live in their own manager, closed per parameter; only m, v and w change in place.
                try (NDManager scratch = Engines.manager(w.getDevice())) {
                    NDArray g = owned(scratch, w.getGradient());
                    NDArray m = firstMoments.get(i);
                    NDArray v = secondMoments.get(i);
                    m.muli(scratch.create(beta1)).addi(g.mul(1 - beta1));
                    v.muli(scratch.create(beta2)).addi(g.square().mul(1 - beta2));
                    NDArray denominator = owned(scratch, v.div(correction2)).sqrt().add(eps);
                    NDArray stepDirection = owned(scratch, m.div(correction1)).div(denominator);
                    w.muli(scratch.create(1 - learningRate * weightDecay));
                    w.subi(stepDirection.mul(learningRate));
                }
                JniUtils.zeroGrad((PtNDArray) w);
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    private static NDArray owned(NDManager manager, NDArray array) {
        array.attach(manager);
        return array;
    }

    /** Clears the accumulated gradients without updating (for a batch whose loss was not finite). */
    public void discardGradients() {
        for (Parameter p : parameters) {
            JniUtils.zeroGrad((PtNDArray) p.getArray());
        }
    }

    /** The state as a list: m₀, v₀, m₁, v₁, … in parameter order (the step count is stored by the caller). */
    public NDList state() {
        NDList list = new NDList();
        for (int i = 0; i < parameters.size(); i++) {
            list.add(firstMoments.get(i));
            list.add(secondMoments.get(i));
        }
        return list;
    }

    /** Restores a state saved by {@link #state()} and the step count. */
    public void restore(NDList state, long savedStep) {
        if (state.size() != 2 * parameters.size()) {
            throw new IllegalArgumentException("optimizer state has " + state.size() + " arrays, expected "
                    + 2 * parameters.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            copyInto(firstMoments.get(i), state.get(2 * i));
            copyInto(secondMoments.get(i), state.get(2 * i + 1));
        }
        step = savedStep;
    }

    private static void copyInto(NDArray target, NDArray source) {
        if (!target.getShape().equals(source.getShape())) {
            throw new IllegalArgumentException("optimizer state shape " + source.getShape() + " does not match "
                    + target.getShape());
        }
        target.set(source.toType(target.getDataType(), false).toFloatArray());
    }
}
