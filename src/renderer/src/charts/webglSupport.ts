// Whether plotly's WebGL traces (scattergl, parcoords, surface) can draw here: regl, which plotly uses for them,
// needs a WebGL 1 context with instanced arrays and 32-bit element indices. Checked once per page; where it fails
// (WebGL disabled or blocklisted, no software GL) the charts use their SVG traces instead.

let cached: boolean | null = null;

export function webglAvailable(): boolean {
  if (cached !== null) return cached;
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl', { failIfMajorPerformanceCaveat: false });
    cached = gl !== null && gl.getExtension('ANGLE_instanced_arrays') !== null && gl.getExtension('OES_element_index_uint') !== null;
    // Release the probe's context at once: browsers cap live WebGL contexts per page (16 in Chromium).
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch (error) {
    console.warn('WebGL probe failed; charts fall back to SVG', error);
    cached = false;
  }
  return cached;
}

/** The trace type for a large point cloud: WebGL when it can draw, SVG otherwise. */
export function pointCloudType(): 'scattergl' | 'scatter' {
  return webglAvailable() ? 'scattergl' : 'scatter';
}
