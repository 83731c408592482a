import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { i18n } from './i18n'
import { App } from './app'
import './styles.css'
import './styles/components.css'
import './styles/accounts.css'
import './styles/review.css'
import './styles/review-thread.css'
import './styles/review-split.css'
import './styles/kb.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>,
)
