import type { ViewProps } from '../client/app-route.ts';
import { useTexts } from '../client/i18n.ts';
import { TeaserList } from '../client/teaser-list.tsx';
import { TileGrid } from '../client/tile-grid.tsx';
import { Icon } from '../client/icons.tsx';
import type { HomeBlock, HomeData, Slide, Widget } from './home-blocks.ts';
import { homeTexts } from './home-texts.ts';

export default function HomeView({ data }: ViewProps<HomeData>) {
  return (
    <div class="home">
      <h1 tabIndex={-1} class="visually-hidden-heading">
        {data.title}
      </h1>
      {data.blocks.map((b, i) => (
        <Block key={i} block={b} />
      ))}
    </div>
  );
}

function Block({ block }: { block: HomeBlock }) {
  switch (block.kind) {
    case 'carousel':
      return <Carousel slides={block.slides} />;
    case 'widgets':
      return <Widgets widgets={block.widgets} />;
    case 'ticker':
      return <p class="ticker">{block.text}</p>;
    case 'tiles':
      return (
        <section class="home-block" aria-labelledby={`tiles-${block.title}`}>
          <h2 id={`tiles-${block.title}`}>{block.title}</h2>
          <TileGrid tiles={block.tiles} />
        </section>
      );
    case 'teasers': {
      const id = `block-${block.type}-${block.href.replace(/\W+/g, '-')}`;
      return (
        <section class="home-block" aria-labelledby={id}>
          <h2 id={id}>{block.title}</h2>
          <TeaserList items={block.items} />
          <p class="more">
            <a href={block.href}>{block.buttonTitle}</a>
          </p>
        </section>
      );
    }
  }
}

/** Slides side by side with scroll snapping: usable by touch, keyboard and without JavaScript; nothing moves by itself. */
function Carousel({ slides }: { slides: Slide[] }) {
  const t = useTexts(homeTexts);
  return (
    <section class="carousel" aria-label={t.carousel}>
      <ul>
        {slides.map((s, i) => (
          <li key={i} class="slide">
            {s.image && (
              <figure>
                <img src={s.image.url} alt={s.image.alt} width={640} height={360} {...(i === 0 ? { fetchpriority: 'high' } : { loading: 'lazy' })} />
                {s.image.copyright && (
                  <figcaption>
                    {t.photo}: {s.image.copyright}
                  </figcaption>
                )}
              </figure>
            )}
            {s.message && <p class="slide-message">{s.message}</p>}
            {s.link && (
              <a class="button" href={s.link.href} {...(s.link.external ? { target: '_blank', rel: 'noopener' } : {})}>
                {s.link.label}
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Widgets({ widgets }: { widgets: Widget[] }) {
  const t = useTexts(homeTexts);
  return (
    <section class="widgets" aria-label={t.widgets}>
      <ul>
        {widgets.map((w, i) => (
          <li key={i}>
            {w.kind === 'event' && (
              <a href={w.href} class="widget">
                <Icon name="calendar" />
                <span class="widget-value">{w.count}</span>
                <span>{t.eventsToday}</span>
              </a>
            )}
            {w.kind === 'weather' && (
              <div class="widget">
                <Icon name="circle" />
                <span class="widget-value">–</span>
                <span>
                  {t.weather}: {t.weatherNoData}
                </span>
              </div>
            )}
            {w.kind === 'link' && (
              <a href={w.href} class="widget" {...(w.external ? { target: '_blank', rel: 'noopener' } : {})}>
                <Icon name={w.external ? 'external' : 'circle'} />
                <span>{w.label}</span>
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
