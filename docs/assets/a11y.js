// Landmark names Material leaves out; axe-core reports each as a violation.
document$.subscribe(() => {
  // The search overlay is a dialog: name it like its input.
  const search = document.querySelector(".md-search");
  const input = document.querySelector(".md-search__input");
  if (search && input) search.setAttribute("aria-label", input.getAttribute("aria-label"));

  // Every code block's copy button sits in a <nav>; unnamed, they are
  // indistinguishable landmarks. Name each after its block.
  document.querySelectorAll("nav.md-code__nav").forEach((nav, index) => {
    const title = nav.closest(".highlight")?.querySelector(".filename")?.textContent;
    nav.setAttribute("aria-label", `Code block ${index + 1}${title ? `: ${title}` : ""}`);
  });
});
