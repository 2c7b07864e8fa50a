// Starts the UI in #app.
import { render } from 'preact';
import { ApiClient } from './api';
import { App } from './app';
import { DraftStore, browserSessionStorage } from './drafts';
import './styles.css';

const root = document.getElementById('app');
if (root) render(<App api={new ApiClient()} drafts={new DraftStore(browserSessionStorage())} />, root);
