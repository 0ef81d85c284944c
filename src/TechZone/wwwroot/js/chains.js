// Chain map export: the map as drawn (an SVG element of the page) saved as .svg, or drawn onto a canvas and saved as .png.
function serialize(svg) {
  const clone = svg.cloneNode(true);
  const box = svg.viewBox.baseVal;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', box.width);
  clone.setAttribute('height', box.height);
  clone.removeAttribute('class');
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

function save(blob, name) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

export function downloadSvg(id, name) {
  const svg = document.getElementById(id);
  if (!svg) return;
  save(new Blob([serialize(svg)], { type: 'image/svg+xml;charset=utf-8' }), name + '.svg');
}

export async function downloadPng(id, name) {
  const svg = document.getElementById(id);
  if (!svg) return;
  const box = svg.viewBox.baseVal;
  const scale = 2; // sharp enough to print
  const image = new Image();
  await new Promise((resolve, reject) => {
    image.onload = resolve;
    image.onerror = reject;
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(serialize(svg));
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(box.width * scale);
  canvas.height = Math.ceil(box.height * scale);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
  save(blob, name + '.png');
}

// A file the API serves (the table as .xlsx), downloaded without leaving the page.
export function downloadUrl(url) {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
