// Which embedding model and size make the similar-case index. Only embedding models are offered
// (a chat or speech model cannot make vectors), each with the sizes it can return; a change
// starts a new index in the background while the current one keeps answering.
import { useTranslation } from 'react-i18next'
import { useSettings } from '../../stores/settings-store'
import { useKbIndex } from '../../stores/kb-index-store'
import { SaveNoticeLine, useSaveNotice } from './save-notice'

/** OpenAI's embedding models and the sizes each can return (the `dimensions` parameter). */
export const EMBEDDING_MODELS: Record<string, readonly number[]> = {
  'text-embedding-3-small': [256, 512, 1024, 1536],
  'text-embedding-3-large': [256, 512, 1024, 1536, 3072],
}

export function EmbeddingChoice({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation()
  const settings = useSettings((s) => s.settings)
  const { notice, save } = useSaveNotice()
  if (!settings) return null
  const model = settings.embeddingModel
  const dims = settings.embeddingDimensions
  // A model set elsewhere (the CLI, a compatible server) stays selectable as it is.
  const sizes = EMBEDDING_MODELS[model] ?? [dims]
  const models =
    model in EMBEDDING_MODELS
      ? Object.keys(EMBEDDING_MODELS)
      : [model, ...Object.keys(EMBEDDING_MODELS)]
  const choose = async (nextModel: string, nextDims: number): Promise<void> => {
    const allowed = EMBEDDING_MODELS[nextModel]
    const size =
      !allowed || allowed.includes(nextDims) ? nextDims : allowed.includes(512) ? 512 : allowed[0]!
    if (await save({ embeddingModel: nextModel, embeddingDimensions: size })) {
      await useKbIndex.getState().load()
    }
  }
  return (
    <div className="subsection" data-testid="embedding-choice">
      <label className="field">
        <span>{t('kb.index.model')}</span>
        <select
          value={model}
          disabled={disabled}
          data-testid="embedding-model"
          onChange={(e) => void choose(e.target.value, dims)}
        >
          {models.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('kb.index.dimensions')}</span>
        <select
          value={dims}
          disabled={disabled}
          data-testid="embedding-dimensions"
          onChange={(e) => void choose(model, Number(e.target.value))}
        >
          {(sizes.includes(dims) ? sizes : [dims, ...sizes]).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <p className="field-note muted small">{t('kb.index.modelHint')}</p>
      <SaveNoticeLine notice={notice} testId="embedding-message" />
    </div>
  )
}
