// What a page hands back to the shell: its element, its title, and work to do once it is on screen.

export interface View {
  title: string;
  el: HTMLElement;
  /** Runs after the element is in the document (sizes known): graphs, maps, scrolling to a span. */
  mounted?: () => void;
  /** Runs when the page is left: stop timers, free canvases. */
  unmount?: () => void;
}
