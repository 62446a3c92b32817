import { CallToAction } from '../components/landing/call-to-action';
import { Hero } from '../components/landing/hero';
import { Highlights } from '../components/landing/highlights';
import { HowItWorks } from '../components/landing/how-it-works';

export default function HomePage() {
  return (
    <>
      <Hero />
      <HowItWorks />
      <Highlights />
      <CallToAction />
    </>
  );
}
