import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AnyFeature } from './feature.js';
import { FeaturePanels, preloadPanels } from './panels.js';
import { FeaturesProvider } from './react.js';

const feature = (name: string, attendee?: string): AnyFeature => ({
  name,
  empty: null,
  fromSnapshot: () => null,
  apply: (s) => s,
  i18n: { de: async () => ({ default: {} }), en: async () => ({ default: {} }) },
  ...(attendee ? { panels: { attendee: async () => ({ default: () => <p>{attendee}</p> }) } } : {}),
});

describe('FeaturePanels', () => {
  it('renders each registered feature’s panel for the page, in order of registration', async () => {
    const features = [feature('a', 'Panel A'), feature('b'), feature('c', 'Panel C')];
    render(
      <FeaturesProvider features={features}>
        <FeaturePanels page="attendee" />
        <FeaturePanels page="moderator" />
      </FeaturesProvider>,
    );
    const panels = await screen.findAllByText(/^Panel /);
    expect(panels.map((p) => p.textContent)).toEqual(['Panel A', 'Panel C']);
  });

  it('renders preloaded panels at once, without suspending', async () => {
    const features = [feature('x', 'Panel X')];
    await preloadPanels(features, 'attendee');
    render(
      <FeaturesProvider features={features}>
        <FeaturePanels page="attendee" />
      </FeaturesProvider>,
    );
    expect(screen.getByText('Panel X')).toBeInTheDocument();
  });
});
