// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithMantine } from '../test/render.tsx';
import { PerformanceFigures } from './PerformanceFigures.tsx';

afterEach(cleanup);

const text = (id: string) => screen.getByTestId(id).textContent;

describe('the performance figures', () => {
  it('shows NAV exactly with its day, the multiples as ×, and the IRR as a percentage', () => {
    renderWithMantine(
      <PerformanceFigures
        figures={{
          nav: { amount: '1200.00', currency: 'USD' },
          navDate: '2026-01-31',
          dpi: '0.100000',
          rvpi: '1.200000',
          tvpi: '1.300000',
          moic: '1.333333',
          irr: '0.373363',
        }}
      />,
    );
    expect(text('metric-nav')).toBe('$1,200.00at Jan 31, 2026');
    expect([
      text('metric-tvpi'),
      text('metric-dpi'),
      text('metric-rvpi'),
      text('metric-moic'),
    ]).toEqual(['1.30×', '0.10×', '1.20×', '1.33×']);
    expect(text('metric-irr')).toBe('37.34 %');
  });

  it('says nothing it cannot know before the first valuation', () => {
    renderWithMantine(
      <PerformanceFigures
        figures={{
          nav: null,
          navDate: null,
          dpi: '0.100000',
          rvpi: null,
          tvpi: null,
          moic: null,
          irr: null,
        }}
        navLabel="NAV share"
      />,
    );
    expect(screen.getByText('NAV share')).toBeTruthy();
    expect(text('metric-nav')).toBe('—');
    expect([text('metric-tvpi'), text('metric-dpi'), text('metric-irr')]).toEqual([
      '—',
      '0.10×',
      '—',
    ]);
  });
});
