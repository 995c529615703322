// The grant above which the law requires a written convention with the association: the letters, the
// deliberation, the @ctes subject, the notice and the workbook all test grants against this one amount.
#pragma once

#include "model/money.hpp"

namespace aap {

/// Above this amount a subsidy needs a convention (loi n° 2000-321 du 12 avril 2000, art. 10; décret
/// n° 2001-495): 23 000 € a year.
inline constexpr Money kConventionThreshold = Money::from_euros(23000);

}  // namespace aap
