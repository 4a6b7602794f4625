// A section is a region named by its heading.
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { Section } from '../../src/ui/controls/section';

describe('Section', () => {
  it('is a region named by its heading, with its body inside', () => {
    render(
      <Section id="export" title="Export">
        <p>Body</p>
      </Section>,
    );
    const region = screen.getByRole('region', { name: 'Export' });
    expect(screen.getByRole('heading', { level: 2, name: 'Export' }).id).toBe('export-heading');
    expect(region.textContent).toBe('ExportBody');
  });
});
