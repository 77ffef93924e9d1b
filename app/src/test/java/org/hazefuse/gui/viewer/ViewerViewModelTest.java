package org.hazefuse.gui.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewerViewModelTest {

    private static ViewerViewModel viewer() {
        ViewerViewModel v = new ViewerViewModel();
        v.setPanelSize(200, 100);
        v.setImageSize(400, 100);
        return v;
    }

    @Test
    void fitShowsTheWholeImageCentred() {
        ViewerViewModel v = viewer();
        assertThat(v.zoom()).isEqualTo(0.5);
        assertThat(v.centerXProperty().get()).isEqualTo(200);
        assertThat(v.toImageX(0, 200)).isEqualTo(0);
        assertThat(v.toImageX(200, 200)).isEqualTo(400);
    }

    @Test
    void wheelZoomKeepsThePointUnderTheCursor() {
        ViewerViewModel v = viewer();
        double before = v.toImageX(150, 200);
        v.zoomAt(2, 150, 30, 200, 100);
        assertThat(v.zoom()).isEqualTo(1);
        assertThat(v.toImageX(150, 200)).isCloseTo(before, within(1e-9));
        assertThat(v.fittingProperty().get()).isFalse();
    }

    @Test
    void panMovesByScreenPixelsOverZoomAndStaysOnTheImage() {
        ViewerViewModel v = viewer();
        v.actualSize();
        v.panBy(-50, 0);
        assertThat(v.centerXProperty().get()).isEqualTo(250);
        v.panBy(10_000, 0);
        assertThat(v.centerXProperty().get()).isEqualTo(0);
    }

    @Test
    void hoverGivesThePixelOrNothingOutsideTheImage() {
        ViewerViewModel v = viewer();
        v.hover(100, 50, 200, 100);
        assertThat(v.cursorXProperty().get()).isEqualTo(200);
        assertThat(v.cursorYProperty().get()).isEqualTo(50);
        v.actualSize();
        v.hover(0, 0, 200, 100); // image y = 50 - 50 = 0, x = 200 - 100 = 100
        assertThat(v.cursorXProperty().get()).isEqualTo(100);
        v.zoomBy(0.1);
        v.hover(0, 0, 200, 100);
        assertThat(v.cursorXProperty().get()).isEqualTo(-1);
    }

    @Test
    void resizingFollowsOnlyWhileFitting() {
        ViewerViewModel v = viewer();
        v.setPanelSize(800, 200);
        assertThat(v.zoom()).isEqualTo(2);
        v.zoomIn();
        double z = v.zoom();
        v.setPanelSize(400, 100);
        assertThat(v.zoom()).isEqualTo(z);
        v.fit();
        assertThat(v.zoom()).isEqualTo(1);
    }
}
