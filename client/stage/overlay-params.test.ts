import { describe, expect, it } from 'vitest';
import { DEFAULT_PARAMS, effectiveAutoHide, MARGIN, overlayBox, parseOverlayParams, POSITIONS, shapeOf } from './overlay-params.js';
import { fitStage, STAGE_H, STAGE_W } from './ScaledStage.js';

describe('overlay URL parameters', () => {
  it('reads position, scale, theme and autohide', () => {
    expect(parseOverlayParams('?position=top-right&scale=1.5&theme=light&autohide=20')).toEqual({ position: 'top-right', scale: 1.5, theme: 'light', autoHideS: 20 });
  });
  it('falls back to the defaults for unknown values and clamps the scale to 0.5–2', () => {
    expect(parseOverlayParams('')).toEqual(DEFAULT_PARAMS);
    expect(parseOverlayParams('?position=middle&theme=pink&autohide=-3')).toEqual(DEFAULT_PARAMS);
    expect(parseOverlayParams('?scale=9').scale).toBe(2);
    expect(parseOverlayParams('?scale=0.1').scale).toBe(0.5);
    expect(parseOverlayParams('?scale=abc').scale).toBe(1);
    expect(parseOverlayParams('?autohide=4000').autoHideS).toBeNull();
    expect(parseOverlayParams('?autohide=2.5').autoHideS).toBeNull();
  });
  it('autohide overrides the server; 0 means never', () => {
    expect(effectiveAutoHide(parseOverlayParams('?autohide=20'), 5)).toBe(20);
    expect(effectiveAutoHide(parseOverlayParams('?autohide=0'), 5)).toBeNull();
    expect(effectiveAutoHide(parseOverlayParams(''), 5)).toBe(5);
    expect(effectiveAutoHide(parseOverlayParams(''), null)).toBeNull();
  });
});

describe('overlay box', () => {
  it('is inside the 1920×1080 stage (with margins) at every position, shape and scale', () => {
    for (const position of POSITIONS) {
      for (const shape of ['lower-third', 'compact'] as const) {
        for (const scale of [0.5, 1, 1.5, 2]) {
          const b = overlayBox(shape, position, scale);
          expect(b.left, `${position} ${shape} ${scale}`).toBeGreaterThanOrEqual(MARGIN);
          expect(b.top).toBeGreaterThanOrEqual(MARGIN);
          expect(b.left + b.width).toBeLessThanOrEqual(STAGE_W - MARGIN);
          expect(b.top + b.height).toBeLessThanOrEqual(STAGE_H - MARGIN);
        }
      }
    }
  });
  it('sits where the position says and grows with the scale', () => {
    const bl = overlayBox('lower-third', 'bottom-left', 1);
    const tr = overlayBox('lower-third', 'top-right', 1);
    const b = overlayBox('lower-third', 'bottom', 1);
    expect(bl.left).toBe(MARGIN);
    expect(bl.top + bl.height).toBe(STAGE_H - MARGIN);
    expect(tr.top).toBe(MARGIN);
    expect(tr.left + tr.width).toBe(STAGE_W - MARGIN);
    expect(Math.abs(b.left + b.width / 2 - STAGE_W / 2)).toBeLessThanOrEqual(1);
    expect(overlayBox('compact', 'bottom-left', 1.5).width).toBeGreaterThan(overlayBox('compact', 'bottom-left', 1).width);
  });
  it('questions and the join line are lower thirds; results are compact boxes', () => {
    expect(shapeOf('question')).toBe('lower-third');
    expect(shapeOf('join')).toBe('lower-third');
    expect(shapeOf('poll')).toBe('compact');
    expect(shapeOf('leaderboard')).toBe('compact');
    expect(shapeOf('round')).toBe('compact');
  });
});

describe('the 16:9 stage box', () => {
  it('fills 1920×1080 and 1280×720 exactly and letterboxes other shapes', () => {
    expect(fitStage(1920, 1080)).toEqual({ scale: 1, left: 0, top: 0 });
    expect(fitStage(1280, 720)).toEqual({ scale: 2 / 3, left: 0, top: 0 });
    const tall = fitStage(1000, 1000);
    expect(tall.scale).toBeCloseTo(1000 / 1920);
    expect(tall.left).toBeCloseTo(0);
    expect(tall.top).toBeCloseTo((1000 - 1080 * tall.scale) / 2);
    expect(fitStage(0, 0).scale).toBe(1);
  });
});
