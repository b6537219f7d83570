/** The console's entry: the page's styles and every element. */
import './page.css';
import './elements.js';
