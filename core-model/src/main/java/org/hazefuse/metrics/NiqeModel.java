package org.hazefuse.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The NIQE pristine model: the multivariate Gaussian (36-element mean, 36×36 covariance) fitted by Mittal,
 * Soundararajan and Bovik to natural-scene-statistics features of pristine images, and the 7×7 Gaussian window
 * of the local normalization. Numbers of the original MATLAB release, shipped as the class-path resource
 * {@code niqe_pristine.json} beside this class.
 */
public record NiqeModel(double[] mean, double[][] covariance, double[][] window) {
    private static final String RESOURCE = "niqe_pristine.json";
    private static volatile NiqeModel pristine;

    public NiqeModel {
        if (mean.length != 36 || covariance.length != 36 || window.length != 7) {
            throw new IllegalArgumentException("NIQE model needs a 36-element mean, a 36x36 covariance and a 7x7 window");
        }
    }

    /** The published pristine model, loaded once. */
    public static NiqeModel pristine() {
        NiqeModel m = pristine;
        if (m == null) {
            synchronized (NiqeModel.class) {
                m = pristine;
                if (m == null) {
                    m = load();
                    pristine = m;
                }
            }
        }
        return m;
    }

    private static NiqeModel load() {
        try (InputStream in = NiqeModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("NIQE model resource " + RESOURCE + " is missing from the class path");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            return new NiqeModel(vector(root.get("mu")), matrix(root.get("cov")),
                    matrix(root.get("gaussian_window_7x7")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the NIQE model " + RESOURCE, e);
        }
    }

    private static double[] vector(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get(i).asDouble();
        }
        return v;
    }

    private static double[][] matrix(JsonNode node) {
        double[][] m = new double[node.size()][];
        for (int i = 0; i < m.length; i++) {
            m[i] = vector(node.get(i));
        }
        return m;
    }
}
