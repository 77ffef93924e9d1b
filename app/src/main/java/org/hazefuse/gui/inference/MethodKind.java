package org.hazefuse.gui.inference;

/**
 * What a listed model is, in the order the model chooser lists them: trained networks first (shipped weights,
 * imported or fine-tuned weights files), then the classical baselines, then network configurations without
 * weights, whose seeded random weights compute nothing meaningful.
 */
public enum MethodKind {
    TRAINED_NETWORK, BASELINE, UNTRAINED_NETWORK
}
