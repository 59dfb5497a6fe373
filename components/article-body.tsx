import Image from 'next/image';
import { renderToReactElement } from '@tiptap/static-renderer/pm/react';
import type { DocumentNode } from '@/db/schema';
import { documentExtensions } from '@/lib/document-schema';

interface FigureAttrs {
  src: string;
  alt: string;
  caption: string;
  width: number | null;
  height: number | null;
}

/** The stored document rendered on the server with the editor's own node definitions; figures go through next/image. */
export function ArticleBody({ doc }: { doc: DocumentNode }) {
  return (
    <div className="article-body prose prose-lg max-w-none font-serif sm:prose-xl">
      {renderToReactElement({
        content: doc,
        extensions: documentExtensions,
        options: {
          nodeMapping: {
            figure: ({ node }) => {
              const { src, alt, caption, width, height } = node.attrs as FigureAttrs;
              return (
                <figure>
                  <Image src={src} alt={alt} width={width ?? 1600} height={height ?? 900} sizes="(min-width: 768px) 42rem, 100vw" className="h-auto w-full" />
                  {caption && <figcaption>{caption}</figcaption>}
                </figure>
              );
            },
          },
        },
      })}
    </div>
  );
}
