import { createTheme } from '@mantine/core';

// Teal 9 and gray 7 ("dimmed") keep WCAG AA contrast on white; close buttons get names.
// Both are checked by axe-core in the browser tests. Components are styled with plain objects,
// not `Modal.extend(…)`: importing Modal here would put it in the first script every page loads.
export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 9,
  fontFamily: 'system-ui, sans-serif',
  // No transitions for people who ask their system for less motion.
  respectReducedMotion: true,
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } },
    Notification: {
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    },
    // Light alerts' titles are drawn in the alert's colour, too faint for yellow and orange.
    Alert: {
      defaultProps: { closeButtonLabel: 'Dismiss' },
      styles: { title: { color: 'var(--mantine-color-text)' } },
    },
  },
});

export const cssVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Mantine's error red (red 6, 3.3:1 on white) is too faint for error text under a field.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // Mantine lightens shade 9 on hover (to 8, 3.9:1 under white text): darken it instead.
    '--mantine-color-teal-filled-hover': '#06664a',
    '--mantine-primary-color-filled-hover': '#06664a',
  },
  dark: {},
});
