// Chart colours mirror the CSS variables in styles.css; plotly draws into SVG attributes, so it cannot read them.
export const chartTheme = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  text: '#3b4252',
  muted: '#7a8394',
  grid: '#eceef2',
  axis: '#d5d9e0',
  background: '#ffffff',
  line: '#3657d6',
  up: '#14946b',
  down: '#d2463c',
  volume: 'rgba(122, 131, 148, 0.45)',
  sliderBackground: '#f6f7f9',
} as const;
